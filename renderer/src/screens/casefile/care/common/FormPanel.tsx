import { useEffect, useRef, type ReactNode } from 'react';

interface FormPanelProps {
  headingId: string;
  title: string;
  level?: 2 | 3;
  /**
   * The form appeared on a button press that removed the button: its heading takes focus, so
   * keyboard and screen-reader users continue at the form, not at the top of the page.
   */
  focusOnMount?: boolean;
  children: ReactNode;
}

/** The framed section around a create form, named by its heading. */
export function FormPanel({ headingId, title, level = 2, focusOnMount = false, children }: FormPanelProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="care-form-panel" aria-labelledby={headingId}>
      <Heading id={headingId} ref={ref} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
