import { useRef, useState, type DragEvent } from 'react';

/** Only drags that carry files concern us; text or a link dragged within the page passes through. */
const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/**
 * Drop handlers for a target that takes files. Browsers fire dragenter/dragleave for every child
 * crossed, so a depth count (not the last event) says whether the drag is still over the target.
 * The default is prevented on every file drag, so a near miss never opens the file in the window.
 */
export function useFileDrop(onFiles: (files: File[]) => void, accepting: boolean) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const handlers = {
    onDragEnter(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setOver(true);
    },
    onDragOver(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = accepting ? 'copy' : 'none';
    },
    onDragLeave(e: DragEvent) {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      if (accepting) onFiles(Array.from(e.dataTransfer.files));
    },
  };
  return { over, handlers };
}
