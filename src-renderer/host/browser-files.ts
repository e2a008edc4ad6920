/**
 * The browser's stand-ins for native dialogs: a file input for "open", a download for "save".
 * The page only ever sees the files the user chose, never a path.
 */

/** Lets the user choose files; an empty list when they cancel. Must run inside a user gesture. */
export function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    // Chromium fires 'cancel' when the dialog is dismissed (Electron 45's Chromium too).
    input.addEventListener('cancel', () => finish([]), { once: true });
    // In the document, so that the dialog's events reach it in every browser.
    document.body.append(input);
    input.click();
  });
}

/** Offers bytes as a download under the given file name. */
export function download(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference to the blob by now; a delay keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
