import { Dock, DockPanel, DockSplitter } from '../../ui/Dock';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { markingLine, PACK_SECTION_TITLES } from '../../../src-core/brief/definition';
import type { Host } from '../../../src-core/host/contract';
import type { SavedPack } from '../../../src-core/query/model/packs';
import type { SavedView } from '../../../src-core/query/model/saved-views';
import type { DbClient } from '../../db/db-client';
import { currentAuthor } from '../../ui/author';
import { NameDialog } from '../../ui/NameDialog';
import { useUndoTick } from '../../ui/use-undo-tick';
import type { FindingsFilter } from '../../shared/grid-export/filter-text';
import { sentence } from '../../shared/text/words';
import { UndoRedoButtons } from '../../shared/UndoRedoButtons';
import { keepDraft, readDraft } from './briefing-draft';
import { definitionOf, formOf, newPackForm, type PackForm } from './pack-form';
import { PackExportBar } from './PackExportBar';
import { PackFormPanel } from './PackFormPanel';
import { PreviewFrame } from './PreviewFrame';
import { SavedPacksMenu } from './SavedPacksMenu';
import { usePackExport } from './use-pack-export';
import { usePackPreview } from './use-pack-preview';
import { useSavedPacks } from './use-saved-packs';
import './briefing.css';

interface Props {
  host: Host;
  client: DbClient;
  version: string;
  /** The Findings grid's filter as it last stood; null until the Findings view has been opened. */
  findingsFilter: FindingsFilter | null;
}

/**
 * The Briefing view: a pack defined in a form, previewed live as the exported HTML, saved in the
 * workspace (journaled, undoable) and exported as DOCX, PDF, HTML or Markdown. Every pack is
 * built in the DB worker from the workspace as it is at that moment, so a saved pack opened
 * again is regenerated with whatever has been annotated since.
 */
export function BriefingView({ host, client, version, findingsFilter }: Props) {
  const handle = version.split(':')[0] ?? '';
  const [form, setForm] = useState<PackForm>(() => readDraft(handle)?.form ?? newPackForm(''));
  const [openId, setOpenId] = useState<number | null>(() => readDraft(handle)?.openId ?? null);
  const [touched, setTouched] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [reports, setReports] = useState<{ id: number; label: string }[] | null>(null);
  const [views, setViews] = useState<SavedView[] | null>(null);
  const author = useCallback(() => currentAuthor(host), [host]);
  const undoTick = useUndoTick(client);
  const saved = useSavedPacks(client, version);
  const exporter = usePackExport(host, client);

  useEffect(() => keepDraft({ handle, form, openId }), [handle, form, openId]);
  // A notice ("Saved the pack …") is news for a moment, as in the Findings view.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice]);
  // The author defaults to the name edits are recorded under (Preferences, or the OS user in Electron).
  useEffect(() => {
    if (form.author) return;
    void author().then((name) => setForm((f) => (f.author ? f : { ...f, author: name })));
  }, [author, form.author]);
  useEffect(() => {
    void client
      .reportsOverview()
      .then((r) => setReports(r.ok ? r.value.map((x) => ({ id: x.id, label: `${x.force} ${x.year} – ${x.programme}` })) : []));
    void client.savedViews('findings').then((r) => setViews(r.ok ? r.value : []));
  }, [client, version]);

  const checked = useMemo(() => definitionOf(form), [form]);
  const definition = checked.ok ? checked.definition : null;
  const problems = checked.ok || !touched ? {} : checked.problems;
  const blocked = checked.ok
    ? null
    : checked.problems.marking
      ? 'Choose the protective marking to see the pack as it will be marked.'
      : `Put the form right to see the pack: ${Object.values(checked.problems)[0] ?? ''}`;
  const { state: preview, regenerate } = usePackPreview(client, definition, `${version}:${undoTick}`);
  const openPack = saved.packs?.find((p) => p.id === openId) ?? null;
  const unsaved = !openPack || JSON.stringify(openPack.definition) !== JSON.stringify(definition);

  const change = (c: Partial<PackForm>) => {
    setTouched(true);
    setForm((f) => ({ ...f, ...c }));
  };

  const save = async (asNew: boolean, title = form.title): Promise<string | null> => {
    const next = definitionOf({ ...form, title });
    setTouched(true);
    if (!next.ok) return `The pack was not saved: ${Object.values(next.problems).join(' ')}`;
    const id = asNew ? undefined : (openId ?? undefined);
    // No id key at all for a new pack: the journal's checksum is over the params as sent, and an
    // `id: undefined` would not survive the record's JSON, so its replay would fail the checksum.
    const params = { ...(id === undefined ? {} : { id }), definition: next.definition };
    const result = await client.edit('pack.save', params);
    if (!result.ok) return `The pack was not saved. ${sentence(result.error.message)} Try again.`;
    setForm(formOf(next.definition));
    const packs = await saved.reload();
    // A new pack is the most recently changed one.
    if (id === undefined) setOpenId(packs?.find((p) => p.title === next.definition.title)?.id ?? null);
    setProblem(null);
    setNotice(`Saved the pack “${next.definition.title}”.`);
    return null;
  };
  const open = (pack: SavedPack) => {
    if (!pack.definition) return;
    setForm(formOf(pack.definition));
    setOpenId(pack.id);
    setTouched(false);
    setProblem(null);
    setNotice(`Opened “${pack.title}”, regenerated from the workspace as it is now.`);
  };
  const remove = async (pack: SavedPack) => {
    const result = await client.edit('pack.delete', { id: pack.id });
    if (!result.ok) {
      setProblem(`The pack “${pack.title}” was not deleted. ${sentence(result.error.message)} Try again.`);
      return;
    }
    if (pack.id === openId) setOpenId(null);
    setNotice(`Deleted the pack “${pack.title}”. Undo (Ctrl+Z) brings it back.`);
  };
  const startNew = () => {
    setForm(newPackForm(form.author));
    setOpenId(null);
    setTouched(false);
    setNotice(null);
  };

  const shown = preview.status === 'ready' ? preview.preview : null;
  const noFindings = shown !== null && form.sections.includes('findings') && shown.findings === 0;
  const line = form.marking ? markingLine(form.marking, form.caveat) : null;

  return (
    <div className="view view--fill briefing">
      <div className="brief-toolbar">
        <div className="brief-heading">
          <h2>Briefing pack</h2>
          <p className="brief-subtitle">
            {openPack ? `“${openPack.title}”${unsaved ? ' · unsaved changes' : ' · saved'}` : 'New pack · not saved yet'}
          </p>
        </div>
        <p className="brief-notice" role="status">
          {notice}
        </p>
        <div className="brief-actions">
          <UndoRedoButtons client={client} />
          <button type="button" className="button" onClick={startNew}>
            New pack
          </button>
          <SavedPacksMenu packs={saved.packs} problem={saved.problem} openId={openId} onOpen={open} onDelete={(p) => void remove(p)} />
          <button type="button" className="button" disabled={!openPack} onClick={() => setNaming(true)}>
            Save as…
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              void save(false).then((m) => {
                if (m) setProblem(m);
              })
            }
          >
            Save pack
          </button>
        </div>
      </div>
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
      {/* The form beside the preview, docked: the splitter gives the preview room, and the sizes are remembered. */}
      <Dock id="briefing" panels={['form', 'preview']} className="brief-body">
        <DockPanel id="form" defaultSize="32%" minSize={280}>
          <div className="brief-side">
            {/* Stays in view while the form scrolls: the marking is never out of sight while editing. */}
            <div className="brief-marking-strip">
              <span className="brief-marking-strip-label" aria-hidden="true">
                Marking
              </span>
              <p className={`brief-marking-badge${line ? '' : ' brief-marking-badge--unset'}`} aria-label="Marking of this pack">
                {line ?? 'NOT YET MARKED'}
              </p>
            </div>
            <PackFormPanel form={form} problems={problems} reports={reports} views={views} gridFilter={findingsFilter} onChange={change} />
          </div>
        </DockPanel>
        <DockSplitter label="Resize the pack form and the preview" />
        <DockPanel id="preview" defaultSize="68%" minSize="30%">
          <div className="brief-main">
            <div className="brief-main-bar">
              <PackExportBar
                state={exporter.state}
                blocked={definition ? null : blocked}
                onExport={(format) => definition && void exporter.run(definition, format)}
              />
              <button
                type="button"
                className="button"
                disabled={!definition}
                onClick={regenerate}
                title="Build the preview again from the workspace"
              >
                Regenerate
              </button>
            </div>
            {noFindings && (
              <div className="brief-warning" role="note">
                <p>
                  <strong>No finding is marked include-in-brief</strong>
                  {form.findings.kind === 'all' ? ' in this workspace' : ' in the chosen findings'}, so the {PACK_SECTION_TITLES.findings}{' '}
                  section will be empty. Mark findings in the Findings view (the “Include in brief” box, or B on a row), then come back: the
                  preview follows.
                </p>
              </div>
            )}
            <PreviewFrame state={preview} blocked={blocked} />
          </div>
        </DockPanel>
      </Dock>
      <NameDialog
        open={naming}
        title="Save as a new pack"
        initial={`${form.title} (copy)`}
        confirm="Save pack"
        hint="The pack is saved under this title as a new pack; the one you opened stays as it was."
        onSubmit={(title) => save(true, title)}
        onClose={() => setNaming(false)}
      />
    </div>
  );
}
