// An ESLint rule: no SQL text in the files it is set on (the renderer, in eslint.config.js). Every
// statement the app runs is the workspace service's (src-core/service/, src-core/query/sql/), which
// the UI reaches through the DB client; SQL written in the renderer would be a second home for a
// query, beyond the service's checks and its statement budget.
//
// A string is SQL when it reads as a statement, judged on each string literal, each template
// literal (its parts joined, so `SELECT ${cols} FROM t` is one text) and each `+` chain of them.
// The project writes SQL keywords in capitals, so capitals are enough: an upper-case statement
// keyword followed later by one of its clauses (SELECT … FROM, INSERT … INTO, UPDATE … SET,
// CREATE … TABLE, DELETE … WHERE), or PRAGMA and a name. In lower case, where UI prose uses the
// same words ("Select a finding from the list"), only the shapes no sentence has: a clause after
// the table (select … from t where), a table then a column assignment (update t set c =), a table
// after insert into or delete from, create/drop table, pragma and its argument.

const UPPER =
  /\b(?:SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b[\s\S]*?\b(?:FROM|INTO|SET|TABLE|INDEX|VIEW|TRIGGER|WHERE|VALUES)\b|\bPRAGMA\s+\w/;
const LOWER = new RegExp(
  [
    String.raw`\bselect\b[\s\S]*?\bfrom\s+\w+\b\s*(?:where|join|order\s+by|group\s+by|limit|;|$)`,
    String.raw`\binsert\s+(?:or\s+\w+\s+)?into\s+\w+\b\s*(?:\(|values\b|select\b)`,
    String.raw`\bdelete\s+from\s+\w+\b\s*(?:where\b|;|$)`,
    String.raw`\bupdate\s+\w+\s+set\s+\w+\s*=`,
    String.raw`\b(?:create|drop)\s+(?:temp\s+|temporary\s+|unique\s+|virtual\s+)?(?:table|index|view|trigger)\b`,
    String.raw`\bpragma\s+\w+\s*(?:=|\(|;|$)`,
  ].join('|'),
  'i',
);

/** Whether a text reads as SQL (exported for the rule's test). */
export function looksLikeSql(text) {
  return UPPER.test(text) || LOWER.test(text);
}

/** The text of a string literal, a template literal (its expressions as one placeholder each) or a `+` chain of them; null for anything else. */
function textOf(node) {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('x');
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = textOf(node.left);
    const right = textOf(node.right);
    if (left === null && right === null) return null;
    return `${left ?? 'x'}${right ?? 'x'}`;
  }
  return null;
}

export const noSql = {
  meta: {
    type: 'problem',
    docs: { description: 'No SQL text: statements belong in the workspace service.' },
    schema: [],
    messages: {
      sql: 'This reads as SQL. Every statement belongs in the workspace service (src-core/query/sql/, src-core/service/); the renderer asks for data through the DB client (src-renderer/db/db-client.ts).',
    },
  },
  create(context) {
    function check(node) {
      // A part of a larger `+` chain is judged with the whole chain, once.
      const parent = node.parent;
      if (parent && parent.type === 'BinaryExpression' && parent.operator === '+' && textOf(parent) !== null) return;
      // An import's source is a module path, not text.
      if (
        parent &&
        (parent.type === 'ImportDeclaration' || parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportAllDeclaration')
      )
        return;
      const text = textOf(node);
      if (text !== null && looksLikeSql(text)) context.report({ node, messageId: 'sql' });
    }
    return { Literal: check, TemplateLiteral: check, BinaryExpression: check };
  },
};
