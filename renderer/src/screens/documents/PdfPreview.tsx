import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import type { PDFDocumentProxy } from './pdf-document';

interface PdfPreviewProps {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
}

type LoadState = { kind: 'loading' } | { kind: 'ready'; pdf: PDFDocumentProxy } | { kind: 'failed' };

/** A PDF drawn page by page onto a canvas by pdf.js, with page navigation. */
export function PdfPreview({ bytes, fileName }: PdfPreviewProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [pageNumber, setPageNumber] = useState(1);
  const [rendering, setRendering] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    let opened: PDFDocumentProxy | null = null;
    import('./pdf-document')
      .then(({ openPdf }) => openPdf(bytes))
      .then(
        (pdf) => {
          opened = pdf;
          if (current) setState({ kind: 'ready', pdf });
          else void pdf.destroy();
        },
        () => current && setState({ kind: 'failed' }),
      );
    return () => {
      current = false;
      void opened?.destroy();
    };
  }, [bytes]);

  const pdf = state.kind === 'ready' ? state.pdf : null;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!pdf || !canvas) return;
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    setRendering(true);
    void (async () => {
      try {
        const page = await pdf.getPage(pageNumber);
        if (cancelled) return;
        const natural = page.getViewport({ scale: 1 });
        const available = frameRef.current?.clientWidth ?? 800;
        const scale = Math.min(2, Math.max(0.5, available / natural.width));
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: scale * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        // CSSOM, not a style attribute: the CSP refuses inline styles.
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        task = page.render({ canvas, viewport });
        await task.promise;
      } catch {
        // A cancelled render (page changed, dialog closed) is no failure worth showing.
      } finally {
        if (!cancelled) setRendering(false);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber]);

  if (state.kind === 'failed') {
    return (
      <Notice tone="error" role="alert">
        <p>{t('care.documents.previewFailed')}</p>
      </Notice>
    );
  }
  if (!pdf) return <Loading label={t('care.documents.previewLoading')} />;
  const count = pdf.numPages;
  const position = t('care.documents.pageOf', { page: pageNumber, count });
  return (
    <div className="pdf-preview">
      {/* aria-disabled, not disabled: a button that goes dead under the focus would drop it. */}
      <div className="pdf-toolbar">
        <button type="button" className="button button-secondary button-small" onClick={() => setPageNumber((n) => Math.max(1, n - 1))} aria-disabled={pageNumber <= 1}>
          {t('care.documents.previousPage')}
        </button>
        <p className="pdf-position" aria-live="polite">
          {position}
        </p>
        <button type="button" className="button button-secondary button-small" onClick={() => setPageNumber((n) => Math.min(count, n + 1))} aria-disabled={pageNumber >= count}>
          {t('care.documents.nextPage')}
        </button>
      </div>
      <div className="pdf-frame" ref={frameRef} aria-busy={rendering}>
        <canvas ref={canvasRef} role="img" aria-label={`${fileName}, ${position}`} className="pdf-canvas" />
      </div>
    </div>
  );
}
