import type { ReactNode } from 'react';

interface Props {
  tone: 'loading' | 'error';
  title: string;
  children?: ReactNode;
}

/** Loading is announced politely (role=status); a failure interrupts (role=alert). */
export function StatusNotice({ tone, title, children }: Props) {
  return (
    <section className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} aria-busy={tone === 'loading' || undefined}>
      {tone === 'loading' && <span className="spinner" aria-hidden="true" />}
      <div>
        <p className="notice-title">{title}</p>
        {children}
      </div>
    </section>
  );
}
