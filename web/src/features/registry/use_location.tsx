// "Use my location": one tap fills the latitude and longitude boxes from the phone's GPS
// (navigator.geolocation); the boxes stay for correction. A refusal, a missing GPS or a fix that
// takes too long says so in words, next to the button.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';

export interface Fix {
  latitude: string;
  longitude: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'finding' }
  | { kind: 'found'; accuracy: number }
  | { kind: 'failed'; why: 'refused' | 'unavailable' | 'timeout' | 'unsupported' };

// Six decimals: about 10 cm, finer than any phone's fix.
const six = (v: number) => v.toFixed(6);

export function UseMyLocation({ onFix, testid }: { onFix: (f: Fix) => void; testid: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });

  function locate() {
    if (!('geolocation' in navigator)) {
      setState({ kind: 'failed', why: 'unsupported' });
      return;
    }
    setState({ kind: 'finding' });
    navigator.geolocation.getCurrentPosition(
      (p) => {
        onFix({ latitude: six(p.coords.latitude), longitude: six(p.coords.longitude) });
        setState({ kind: 'found', accuracy: Math.round(p.coords.accuracy) });
      },
      (e) =>
        setState({
          kind: 'failed',
          why:
            e.code === e.PERMISSION_DENIED
              ? 'refused'
              : e.code === e.TIMEOUT
                ? 'timeout'
                : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout: 30000, maximumAge: 60000 },
    );
  }

  return (
    <div class="field" data-testid={testid}>
      <button
        type="button"
        class="secondary"
        data-testid={testid + '-button'}
        disabled={state.kind === 'finding'}
        onClick={locate}
      >
        {t('gps.use')}
      </button>
      <div role="status" aria-live="polite" data-testid={testid + '-state'} data-state={state.kind}>
        {state.kind === 'finding' && <span class="hint">{t('gps.finding')}</span>}
        {state.kind === 'found' && (
          <span class="hint">{t('gps.found', { m: state.accuracy })}</span>
        )}
        {state.kind === 'failed' && <span class="field-error">{t(`gps.${state.why}`)}</span>}
      </div>
    </div>
  );
}
