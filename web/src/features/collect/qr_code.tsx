// A QR code drawn in the browser as an SVG of its dark modules. The encoder (uqr) is a chunk of
// its own, fetched only when a code is shown (after a device is made), never with the shell.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { showError } from '../../messages';

// Light modules around the code: the four the QR standard asks for, so a phone finds it on a
// dark page too.
const QUIET = 4;

export function QrCode({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [modules, setModules] = useState<boolean[][] | null>(null);
  useEffect(() => {
    let live = true;
    import('uqr')
      .then(({ encode }) => live && setModules(encode(text, { ecc: 'M', border: QUIET }).data))
      .catch(showError);
    return () => {
      live = false;
    };
  }, [text]);

  if (!modules) return <p class="muted">{t('common.loading')}</p>;
  const n = modules.length;
  // One path: a unit square per dark module, joined along each row.
  let d = '';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${n} ${n}`}
      shape-rendering="crispEdges"
      data-testid="col-qr"
      data-modules={n}
      style={{ display: 'block', width: '100%', maxWidth: '320px', background: '#fff' }}
    >
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
