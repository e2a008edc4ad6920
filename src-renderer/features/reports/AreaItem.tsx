import { useId, useState } from 'react';
import type { OverviewArea, ReportOverview } from '../../../src-core/query/model/overview';
import { CorrectedNote } from './CorrectedNote';
import { HistoryToggle, ItemHistory } from './ItemHistory';
import type { ReportActions } from './report-actions';
import { areaCorrection, areaName } from './report-corrections';
import { ShowSourceButton } from '../../shared/source/ShowSourceButton';

interface Props {
  report: ReportOverview;
  area: OverviewArea;
  parent?: OverviewArea;
  actions: ReportActions;
}

/** An area for improvement as the report words it (or as corrected), its points beneath it. */
export function AreaItem({ report, area, parent, actions }: Props) {
  const [showHistory, setShowHistory] = useState(false);
  const historyId = useId();
  const name = areaName(area, parent);
  const correction = area.corrections.find((c) => c.field === 'text');
  return (
    <li className="area">
      <p className="area-text">{area.text}</p>
      <p className="area-meta">
        {correction && <CorrectedNote correction={correction} long />}
        {area.where && <span className="muted where">{area.where}</span>}
        <button type="button" className="link-button" onClick={() => actions.correct(areaCorrection(report, area, parent))}>
          Correct…<span className="visually-hidden"> {name}</span>
        </button>
        <HistoryToggle open={showHistory} controls={historyId} what={name} onToggle={() => setShowHistory((s) => !s)} />
        <ShowSourceButton target={{ reportId: report.id, page: area.page, line: area.line, quote: area.text, label: name }} />
      </p>
      {showHistory && <ItemHistory id={historyId} target="area" itemId={area.id} actions={actions} />}
      {area.points.length > 0 && (
        <ol className="area-points">
          {area.points.map((p) => (
            <AreaItem key={p.id} report={report} area={p} parent={area} actions={actions} />
          ))}
        </ol>
      )}
    </li>
  );
}
