import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';

interface ImagePreviewProps {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
  fileName: string;
}

/**
 * A scan decoded by the browser (createImageBitmap, which also honours the photo's EXIF
 * orientation) and drawn onto a canvas. Drawing needs no URL at all, so the CSP's img-src
 * stays as it is — no blob: or 20 MB data: URL is needed for a preview.
 */
export function ImagePreview({ bytes, mimeType, fileName }: ImagePreviewProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let bitmap: ImageBitmap | null = null;
    createImageBitmap(new Blob([bytes], { type: mimeType })).then(
      (decoded) => {
        bitmap = decoded;
        const canvas = canvasRef.current;
        if (cancelled || !canvas) return;
        canvas.width = decoded.width;
        canvas.height = decoded.height;
        canvas.getContext('2d')?.drawImage(decoded, 0, 0);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      bitmap?.close();
    };
  }, [bytes, mimeType]);

  if (failed) {
    return (
      <Notice tone="error" role="alert">
        <p>{t('care.documents.previewFailed')}</p>
      </Notice>
    );
  }
  return <canvas ref={canvasRef} role="img" aria-label={fileName} className="image-preview" />;
}
