import { useId, useState } from 'react';
import type { OverviewJudgment, ReportOverview } from '../../../src-core/query/model/overview';
import { usePendingEdit } from '../../shared/annotations/use-pending-edit';
import { whoWhen } from '../../ui/who-when';
import { CorrectedNote } from './CorrectedNote';
import { GradeBadge } from './GradeBadge';
import { HistoryToggle, ItemHistory } from './ItemHistory';
import type { ReportActions } from './report-actions';
import { gradeCorrection } from './report-corrections';
import { ShowSourceButton } from '../../shared/source/ShowSourceButton';

const COLUMNS = 5;

/** Where a grade was read: the judgments table or a grade line, or a sentence of the report, quoted. */
function readFrom(j: OverviewJudgment) {
  if (!j.quote && !j.change) return <span className="muted">Table or grade line</span>;
  return (
    <>
      {j.quote && <q className="judgment-quote">{j.quote}</q>}
      {j.change && (
        <span className="judgment-change">
          The report says it {j.change.direction === 'unchanged' ? 'is unchanged' : `has ${j.change.direction}`}
          {j.change.since ? ` since ${j.change.since}` : ''}: <q>{j.change.quote}</q>
        </span>
      )}
    </>
  );
}

/** One grade, and the analyst's check of it: verified as printed, or corrected, with its history on demand. */
export function JudgmentRow({
  report,
  judgment: j,
  actions,
}: {
  report: ReportOverview;
  judgment: OverviewJudgment;
  actions: ReportActions;
}) {
  const edit = usePendingEdit(j.verified, j.id);
  const [showHistory, setShowHistory] = useState(false);
  const historyId = useId();
  const what = `the grade for ${j.question}`;
  const correction = j.corrections.find((c) => c.field === 'grade');
  return (
    <>
      <tr className={j.isOverall ? 'is-overall' : undefined}>
        <th scope="row">{j.question}</th>
        <td>
          <GradeBadge grade={j.grade} />
          <CorrectedNote correction={correction} />
        </td>
        <td className="num">{j.lastInspected ?? 'Not stated'}</td>
        <td className="judgment-source">{readFrom(j)}</td>
        <td className="item-check">
          <label className="verify-tick">
            <input
              type="checkbox"
              checked={edit.shown}
              aria-busy={edit.pending || undefined}
              aria-label={`Grade verified: ${j.question}`}
              onChange={(e) => void edit.run(e.target.checked, (v) => actions.verifyGrade(j, v))}
            />
            Verified
          </label>
          {j.verified && <span className="checked-by">{whoWhen(j.verifiedBy, j.verifiedAt)}</span>}
          <span className="item-actions">
            <button type="button" className="link-button" onClick={() => actions.correct(gradeCorrection(report, j))}>
              Correct…<span className="visually-hidden"> {what}</span>
            </button>
            <HistoryToggle open={showHistory} controls={historyId} what={what} onToggle={() => setShowHistory((s) => !s)} />
            <ShowSourceButton
              target={{
                reportId: report.id,
                page: j.page,
                line: j.line,
                quote: j.quote ?? j.change?.quote ?? null,
                label: `Grade: ${j.question}`,
              }}
            />
          </span>
        </td>
      </tr>
      {showHistory && (
        <tr className="history-row">
          <td colSpan={COLUMNS}>
            <ItemHistory id={historyId} target="judgment" itemId={j.id} actions={actions} />
          </td>
        </tr>
      )}
    </>
  );
}
