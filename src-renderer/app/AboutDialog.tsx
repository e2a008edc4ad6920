import { useEffect, useRef, useState } from 'react';
import type { AboutInfo, Host } from '../../src-core/host/contract';

/** Version and licences, from the host (main knows the Electron and Node versions; the page does not). */
export function AboutDialog({ host, open, onClose }: { host: Host; open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      void host.about().then((r) => {
        setAbout(r.ok ? r.value : null);
        setProblem(r.ok ? null : r.error.message);
      });
    }
    if (!open && dialog.open) dialog.close();
  }, [open, host]);
  const runtime = about && [
    about.electron && `Electron ${about.electron}`,
    about.chrome && `Chromium ${about.chrome}`,
    about.node && `Node ${about.node}`,
  ];
  return (
    <dialog ref={ref} className="about" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">About PEEL Workbench</h2>
      {problem && <p className="inline-problem">{problem}</p>}
      {about && (
        <>
          <p>
            Version {about.version}
            {runtime && runtime.some(Boolean) && ` · ${runtime.filter(Boolean).join(' · ')}`}
          </p>
          <pre className="licences">{about.licences}</pre>
        </>
      )}
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
