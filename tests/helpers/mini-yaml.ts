/**
 * A strict reader for the small block-style YAML subset our configuration files use: mappings,
 * sequences of scalars or mappings, quoted and plain scalars, booleans, null, integers and
 * full-line comments. Anything else (flow collections, anchors, tags, block scalars, tabs, inline
 * comments) throws, so a test can never pass on a misreading. The `yaml` package is not a
 * dependency; this is enough to check what electron-builder will be given.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  no: number;
}

export function parseMiniYaml(source: string): YamlValue {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    if (raw.includes('\t')) throw new Error(`line ${i + 1}: tabs are not supported`);
    const text = raw.trimEnd();
    if (text.trim() === '' || text.trim().startsWith('#')) return;
    lines.push({ indent: text.length - text.trimStart().length, text: text.trim(), no: i + 1 });
  });
  let pos = 0;

  function scalar(text: string, no: number): YamlValue {
    if (/^[[{&*!|>%@`]/.test(text)) throw new Error(`line ${no}: unsupported YAML "${text}"`);
    if (text.startsWith("'")) {
      if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`line ${no}: bad single-quoted string`);
      return text.slice(1, -1).replace(/''/g, "'");
    }
    if (text.startsWith('"')) return JSON.parse(text) as string;
    if (text.includes(' #')) throw new Error(`line ${no}: inline comments are not supported`);
    if (text === 'true' || text === 'false') return text === 'true';
    if (text === 'null' || text === '~') return null;
    if (/^-?\d+$/.test(text)) return Number(text);
    return text;
  }

  /** `key: value` → [key, rest]; null when the text is not a mapping entry. */
  function entry(text: string): [string, string] | null {
    const m = /^([A-Za-z0-9_.$-]+):(?: (.*))?$/.exec(text);
    return m ? [m[1] ?? '', (m[2] ?? '').trim()] : null;
  }

  function block(indent: number): YamlValue {
    const first = lines[pos];
    if (!first || first.indent !== indent) throw new Error(`line ${first?.no ?? 'end'}: bad indentation`);
    return first.text.startsWith('- ') ? sequence(indent) : mapping(indent);
  }

  function valueAfter(rest: string, indent: number, no: number): YamlValue {
    if (rest !== '') return scalar(rest, no);
    const next = lines[pos];
    if (next && next.indent > indent) return block(next.indent);
    if (next && next.indent === indent && next.text.startsWith('- ')) throw new Error(`line ${next.no}: indent sequences under their key`);
    return null;
  }

  function mapping(indent: number, seed?: [string, string, number]): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    const put = (key: string, value: YamlValue, no: number) => {
      if (Object.hasOwn(out, key)) throw new Error(`line ${no}: duplicate key ${key}`);
      out[key] = value;
    };
    if (seed) put(seed[0], valueAfter(seed[1], indent, seed[2]), seed[2]);
    while (pos < lines.length) {
      const line = lines[pos];
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new Error(`line ${line.no}: bad indentation`);
      const kv = entry(line.text);
      if (!kv) throw new Error(`line ${line.no}: expected "key: value"`);
      pos++;
      put(kv[0], valueAfter(kv[1], indent, line.no), line.no);
    }
    return out;
  }

  function sequence(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    while (pos < lines.length) {
      const line = lines[pos];
      if (!line || line.indent < indent || !line.text.startsWith('- ')) break;
      if (line.indent > indent) throw new Error(`line ${line.no}: bad indentation`);
      pos++;
      const item = line.text.slice(2).trim();
      const kv = entry(item);
      out.push(kv ? mapping(indent + 2, [kv[0], kv[1], line.no]) : scalar(item, line.no));
    }
    return out;
  }

  const doc = block(0);
  if (pos !== lines.length) throw new Error(`line ${lines[pos]?.no}: unexpected content`);
  return doc;
}
