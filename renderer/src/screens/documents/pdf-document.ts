import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
// The worker is bundled as an asset of the app itself: the CSP allows workers from 'self' only.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens a PDF from bytes for the preview. This module is loaded only when a PDF is previewed
 * (dynamic import), so pdf.js does not weigh on the start of the app. No eval (the CSP forbids
 * it), no network: fonts the PDF does not embed are drawn with the system's fonts.
 */
export async function openPdf(bytes: Uint8Array<ArrayBuffer>): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: true,
    disableAutoFetch: true,
    useWasm: false,
  }).promise;
}

export type { PDFDocumentProxy };
