import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

interface NoticeProps {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  /** "alert" for errors that appear after an action; none for notices present from the start */
  role?: 'alert' | 'status';
  id?: string;
}

/** A boxed message. The tone is carried by text and border too, never by colour alone. */
export function Notice({ tone, title, children, role, id }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={role} id={id}>
      {title ? <p className="notice-title">{title}</p> : null}
      {children}
    </div>
  );
}
