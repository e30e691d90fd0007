// A camera photo made small enough to send over a 2G link: drawn on a canvas at most 1600 px on
// its long side (an attendance sheet stays legible) and re-encoded as JPEG, quality 0.7 (about
// 200-400 KB for a 12-megapixel photo). Anything that is not an image the browser can decode is
// returned as it is.
export const LONG_SIDE = 1600;
export const QUALITY = 0.7;

export function fitted(w: number, h: number, long = LONG_SIDE): { w: number; h: number } {
  const scale = Math.min(1, long / Math.max(w, h));
  return { w: Math.round(w * scale), h: Math.round(h * scale) };
}

export async function resizePhoto(file: Blob): Promise<Blob> {
  if (!file.type.startsWith('image/')) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const { w, h } = fitted(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return file;
  ctx.fillStyle = '#fff'; // transparent PNG areas become white, not black
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const out = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', QUALITY));
  // Re-encoding a small image can make it larger: keep whichever is smaller.
  return out && out.size < file.size ? out : file;
}
