/** A workspace handle as a host mints them: short, opaque, never a path. */
export const HANDLE = 'Zm9vYmFyYmF6cXV4MTIzNDU2';

/** An opened workspace as a host answers openLast and the like: the smallest that matches the contract. */
export const OPENED = {
  info: { handle: HANDLE, name: 'w.sqlite', isDefault: false },
  snapshot: new Uint8Array([1]),
  journal: '',
  orphansRemoved: 0,
  seal: null,
  sealKey: 'c4'.repeat(32),
};
