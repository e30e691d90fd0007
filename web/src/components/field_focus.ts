// A form's field errors (path -> message in the user's language, see i18n/field_message.ts)
// and the page going to the first of them after a failed save: scrolled into view and focused,
// not left where the user tapped. Small: the sign-in form in the shell uses it.
import { useEffect, useState } from 'preact/hooks';

// Brings the first field in error (in page order) into view and gives it the focus; a message
// without an input of its own (a list of errors, a section's error) gets the focus itself.
export function focusFirstError(root: ParentNode = document): void {
  const el = root.querySelector<HTMLElement>(
    '[aria-invalid="true"], .field-error, [data-testid="other-errors"]',
  );
  if (!el) return;
  const focusable = el.matches('input, select, textarea, button, a[href], [tabindex]');
  if (!focusable) el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

// Each time a save sets errors, the page goes to the first of them once it is drawn. `initial`:
// the errors a form opens with (a refused entry reopened from the outbox).
export function useFieldErrors(initial: Record<string, string> = {}) {
  const [fields, setFields] = useState<Record<string, string>>(initial);
  useEffect(() => {
    if (Object.keys(fields).length > 0) focusFirstError(document.querySelector('main') ?? document);
  }, [fields]);
  return [fields, setFields] as const;
}
