// The group books screens: a group's books (balances, members, loans, meetings, this month's
// report card), one meeting entered on one screen and closed (the cash checked before it is
// sent; the server checks it again and locks the meeting), and a member loan with its schedule.
import { useEffect, useState } from 'preact/hooks';
import { Field, SelectField } from '../../components/form_fields';
import { Form, Check } from '../../components/form';
import { Crumbs, Facts, FormActions, useWrite } from '../../components/registry_bits';
import type { Screens } from '../../feature';
import { useI18n, type MessageKey } from '../../i18n';
import { fieldMessages } from '../../i18n/field_message';
import { clearMessages, showInfo, showRefusal } from '../../messages';
import type { OutboxEntry } from '../../offline/db';
import { getKept } from '../../offline/kept';
import { enqueue, outcome, problemOrQueued } from '../../offline/outbox';
import { uuidv7 } from '../../offline/uuid';
import { todayIso } from '../../registry_data';
import { href, navigate } from '../../router';
import { useFetch } from '../../use_fetch';
import { formatMoney, toMinor } from './money';
import type { Books, Loan, ReportCard } from './types';

function useMoney(books: { currency: string; currency_digits: number } | null) {
  const { lang } = useI18n();
  const digits = books?.currency_digits ?? 2;
  return (minor: number) => `${formatMoney(minor, digits, lang)} ${books?.currency ?? ''}`.trim();
}

// A group's books, kept on the phone each time they are read (and refreshed by each sync pass):
// without a connection the meeting form opens from the copy, as of the last read.
const useBooks = (id: string | null) =>
  useFetch<Books>(id ? `/institutions/${id}/books` : null, { load: (p) => getKept<Books>(p) });

function BooksPage({ id }: { id: string }) {
  const { t } = useI18n();
  const books = useBooks(id).data;
  const month = todayIso().slice(0, 7);
  const card = useFetch<ReportCard>(
    navigator.onLine ? `/institutions/${id}/report-card?month=${month}` : null,
  ).data;
  const money = useMoney(books);
  if (!books) return <p class="muted">{t('common.loading')}</p>;
  const b = books.balances;
  return (
    <section class="card" data-testid="books">
      <Crumbs
        items={[{ href: href('institutions', id), label: books.institution_name }]}
        current={t('bk.books')}
      />
      <div class="section-head">
        <h1>{t('bk.booksOf', { name: books.institution_name })}</h1>
        <a
          class="button primary"
          href={href('institutions', id, 'books', 'meeting')}
          data-testid="meeting-new"
        >
          {t('bk.newMeeting')}
        </a>
      </div>
      <Facts
        rows={[
          [t('bk.cash'), money(b.cash), 'bk-cash'],
          [t('bk.bank'), money(b.bank), 'bk-bank'],
          [t('bk.savings'), money(b.savings), 'bk-savings'],
          [t('bk.outstanding'), money(b.outstanding), 'bk-outstanding'],
          [t('bk.interest'), money(b.interest)],
          [t('bk.penalties'), money(b.penalties)],
          [t('bk.writtenOff'), b.written_off ? money(b.written_off) : ''],
        ]}
      />
      {card && (
        <>
          <h2>{t('bk.card', { month })}</h2>
          <Facts
            rows={[
              [t('bk.meetings'), String(card.meetings)],
              [t('bk.attendance'), pctText(card.attendance_percent, t)],
              [t('bk.repaymentRate'), pctText(card.repayment_rate_percent, t), 'bk-repayment'],
              [t('bk.par30'), pctText(card.par30_percent, t), 'bk-par30'],
            ]}
          />
        </>
      )}
      <h2>{t('bk.members')}</h2>
      <div class="table-wrap">
        <table class="stack numbers" data-testid="bk-members">
          <thead>
            <tr>
              <th scope="col" class="text">
                {t('bk.member')}
              </th>
              <th scope="col">{t('bk.savings')}</th>
              <th scope="col">{t('bk.outstanding')}</th>
            </tr>
          </thead>
          <tbody>
            {books.members.map((m) => (
              <tr key={m.membership_id}>
                <th scope="row" class="text">
                  <bdi>{m.name}</bdi>
                </th>
                <td data-label={t('bk.savings')}>{money(m.savings)}</td>
                <td data-label={t('bk.outstanding')}>{money(m.outstanding)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('bk.loans')}</h2>
      {books.loans.length === 0 ? (
        <p class="muted">{t('bk.noLoans')}</p>
      ) : (
        <ul class="plain" data-testid="bk-loans">
          {books.loans.map((l) => (
            <li key={l.id}>
              <a href={href('member-loans', l.id)} data-testid="bk-loan">
                <bdi>{l.member_name}</bdi> · {l.disbursed_on} · {money(l.principal)}
              </a>{' '}
              — {money(l.position.outstanding)} · {t(`bk.status.${l.status}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('bk.meetings')}</h2>
      {books.meetings.length === 0 ? (
        <p class="muted">{t('bk.noMeetings')}</p>
      ) : (
        <ul class="plain" data-testid="bk-meetings">
          {books.meetings.map((m) => (
            <li key={m.id}>
              {m.held_on} · {t('bk.presentOf', { present: m.present, members: m.members })} ·{' '}
              {money(m.closing_cash)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function pctText(v: number | null, t: (k: MessageKey) => string): string {
  return v === null ? t('bk.none') : `${Math.round(v * 10) / 10} %`;
}

interface Line {
  present: boolean;
  compulsory: string;
  voluntary: string;
  penalty: string;
  repay: Record<string, { principal: string; interest: string }>;
  loan: { purpose: string; amount: string; instalments: string; rule: string; rate: string };
}

// What the meeting form holds: kept with its outbox entry, so that "Fix" reopens it.
interface MeetingState {
  id: string;
  held_on: string;
  bank: { deposit: string; withdrawal: string; closing: string };
  lines: Record<string, Line>;
}

function MeetingPage({ id, entry }: { id: string; entry?: string }) {
  const { t } = useI18n();
  const books = useBooks(id).data;
  const [queued, setQueued] = useState<OutboxEntry | null | undefined>(entry ? undefined : null);
  useEffect(() => {
    if (entry)
      problemOrQueued(entry, 'create')
        .then((e) => setQueued(e ?? null))
        .catch(() => setQueued(null));
  }, [entry]);
  if (!books || queued === undefined) return <p class="muted">{t('common.loading')}</p>;
  return <MeetingForm books={books} id={id} queued={queued} />;
}

function MeetingForm({
  books,
  id,
  queued,
}: {
  books: Books;
  id: string;
  queued: OutboxEntry | null;
}) {
  const { t } = useI18n();
  const money = useMoney(books);
  const d = books.currency_digits;
  const rules = books.rules[0];
  const units = (minor: number) => (minor / 10 ** d).toFixed(d);
  const kept = queued?.form as MeetingState | undefined;
  const [clientId] = useState(() => kept?.id ?? uuidv7());
  const [heldOn, setHeldOn] = useState(kept?.held_on ?? todayIso());
  const [bank, setBank] = useState(kept?.bank ?? { deposit: '', withdrawal: '', closing: '' });
  const [lines, setLines] = useState<Record<string, Line>>(
    () =>
      kept?.lines ??
      Object.fromEntries(
        books.members.map((m) => [
          m.membership_id,
          {
            present: true,
            compulsory: rules ? units(rules.saving_amount) : '',
            voluntary: '',
            penalty: '',
            repay: {},
            loan: {
              purpose: '',
              amount: '',
              instalments: '',
              rule: rules?.interest_rule ?? 'declining',
              rate: rules ? String(rules.interest_bp / 100) : '',
            },
          },
        ]),
      ),
  );
  const w = useWrite(queued?.error ? fieldMessages(queued.error) : undefined);
  const set = (m: string, patch: Partial<Line>) =>
    setLines({ ...lines, [m]: { ...lines[m], ...patch } });
  const v = (s: string) => toMinor(s, d) ?? 0;
  const body = () => ({
    id: clientId,
    held_on: heldOn,
    opening_cash: books.balances.cash,
    closing_cash: toMinor(bank.closing, d) ?? -1,
    bank_deposit: v(bank.deposit),
    bank_withdrawal: v(bank.withdrawal),
    members: books.members.map((m) => {
      const l = lines[m.membership_id];
      const loans = books.loans.filter(
        (x) =>
          x.membership_id === m.membership_id &&
          x.status === 'active' &&
          x.position.outstanding > 0,
      );
      return {
        membership_id: m.membership_id,
        present: l.present,
        compulsory_saving: v(l.compulsory),
        voluntary_saving: v(l.voluntary),
        penalty: v(l.penalty),
        repayments: loans
          .map((x) => ({
            loan_id: x.id,
            principal: v(l.repay[x.id]?.principal ?? ''),
            interest: v(l.repay[x.id]?.interest ?? ''),
          }))
          .filter((r) => r.principal || r.interest),
        new_loan: v(l.loan.amount)
          ? {
              purpose: l.loan.purpose,
              principal: v(l.loan.amount),
              instalments: Number(l.loan.instalments) || 0,
              interest_rule: l.loan.rule,
              interest_bp: Math.round(Number(l.loan.rate) * 100),
            }
          : null,
      };
    }),
  });
  const b = body();
  let expected = b.opening_cash - b.bank_deposit + b.bank_withdrawal;
  for (const m of b.members)
    expected +=
      m.compulsory_saving +
      m.voluntary_saving +
      m.penalty +
      m.repayments.reduce((s, r) => s + r.principal + r.interest, 0) -
      (m.new_loan?.principal ?? 0);
  const counted = toMinor(bank.closing, d);
  const f = w.fields;
  // Sent whole through the outbox (with its client id): at once when online, else when the
  // network returns. A refusal (the cash does not balance, the opening cash no longer matches
  // the books) comes back on its field here and stays in the outbox until fixed or discarded.
  async function close() {
    clearMessages();
    w.setFields({});
    await w.run(async () => {
      const form: MeetingState = { id: clientId, held_on: heldOn, bank, lines };
      await enqueue({
        record: clientId,
        entity: 'meetings',
        kind: 'create',
        method: 'POST',
        path: `/institutions/${id}/meetings`,
        body: body(),
        deps: [],
        label: t('bk.meetingLabel', { name: books.institution_name, date: heldOn }),
        edit: `institutions/${id}/books/meeting/${clientId}`,
        form,
      });
      const result = await outcome([clientId]);
      if (result !== 'sent' && result !== 'queued') {
        w.setFields(fieldMessages(result.error));
        showRefusal(result.error);
        return;
      }
      showInfo(t(result === 'sent' ? 'bk.closed' : 'bk.queued'));
      navigate('institutions', id, 'books');
    });
  }
  return (
    <section class="card" data-testid="meeting-form">
      <Crumbs
        items={[
          { href: href('institutions', id), label: books.institution_name },
          { href: href('institutions', id, 'books'), label: t('bk.books') },
        ]}
        current={t('bk.newMeeting')}
      />
      <h1>{t('bk.meetingOf', { name: books.institution_name })}</h1>
      {!navigator.onLine && (
        <p class="notice" data-testid="meeting-offline">
          {t('bk.offlineCopy')}
        </p>
      )}
      <Form onSubmit={close}>
        <Field
          label={t('bk.heldOn')}
          type="date"
          value={heldOn}
          onInput={setHeldOn}
          error={f.held_on}
          testid="held-on"
        />
        {books.members.map((m, i) => {
          const l = lines[m.membership_id];
          const at = `members[${i}]`;
          const money3 = (
            key: 'compulsory' | 'voluntary' | 'penalty',
            label: MessageKey,
            field: string,
          ) => (
            <Field
              label={t(label)}
              inputMode="decimal"
              value={l[key]}
              onInput={(x) => set(m.membership_id, { [key]: x })}
              error={f[`${at}.${field}`]}
              testid={`m${i}-${key}`}
            />
          );
          const loans = books.loans.filter(
            (x) =>
              x.membership_id === m.membership_id &&
              x.status === 'active' &&
              x.position.outstanding > 0,
          );
          return (
            <fieldset key={m.membership_id} class="member-line" data-testid={`member-${i}`}>
              <legend>
                <bdi>{m.name}</bdi>
              </legend>
              <Check
                label={t('bk.present')}
                checked={l.present}
                onChange={(x) => set(m.membership_id, { present: x })}
                testid={`m${i}-present`}
              />
              {money3('compulsory', 'bk.compulsory', 'compulsory_saving')}
              {money3('voluntary', 'bk.voluntary', 'voluntary_saving')}
              {money3('penalty', 'bk.penalty', 'penalty')}
              {loans.map((x, j) => {
                const r = l.repay[x.id] ?? { principal: '', interest: '' };
                const put = (k: 'principal' | 'interest', val: string) =>
                  set(m.membership_id, { repay: { ...l.repay, [x.id]: { ...r, [k]: val } } });
                return (
                  <div key={x.id} class="repayment">
                    <p class="hint">
                      {t('bk.repayOf', {
                        date: x.disbursed_on,
                        outstanding: money(x.position.outstanding),
                      })}
                    </p>
                    <Field
                      label={t('bk.repayPrincipal')}
                      inputMode="decimal"
                      value={r.principal}
                      onInput={(val) => put('principal', val)}
                      error={f[`${at}.repayments[${j}].principal`]}
                      testid={`m${i}-repay-${j}`}
                    />
                    <Field
                      label={t('bk.repayInterest')}
                      inputMode="decimal"
                      value={r.interest}
                      onInput={(val) => put('interest', val)}
                      error={f[`${at}.repayments[${j}].interest`]}
                      testid={`m${i}-interest-${j}`}
                    />
                  </div>
                );
              })}
              <details class="new-loan">
                <summary data-testid={`m${i}-loan-open`}>{t('bk.newLoan')}</summary>
                <SelectField
                  label={t('bk.purpose')}
                  value={l.loan.purpose}
                  onChange={(x) => set(m.membership_id, { loan: { ...l.loan, purpose: x } })}
                  options={[
                    { value: '', label: '' },
                    ...books.loan_purposes.map((p) => ({
                      value: p,
                      label: t(`bk.purpose.${p}` as MessageKey),
                    })),
                  ]}
                  error={f[`${at}.new_loan.purpose`]}
                  testid={`m${i}-loan-purpose`}
                />
                <Field
                  label={t('bk.amount')}
                  inputMode="decimal"
                  value={l.loan.amount}
                  onInput={(x) => set(m.membership_id, { loan: { ...l.loan, amount: x } })}
                  error={f[`${at}.new_loan.principal`]}
                  testid={`m${i}-loan-amount`}
                />
                <Field
                  label={t('bk.instalments')}
                  inputMode="numeric"
                  value={l.loan.instalments}
                  onInput={(x) => set(m.membership_id, { loan: { ...l.loan, instalments: x } })}
                  error={f[`${at}.new_loan.instalments`]}
                  testid={`m${i}-loan-instalments`}
                />
                <SelectField
                  label={t('bk.interestRule')}
                  value={l.loan.rule}
                  onChange={(x) => set(m.membership_id, { loan: { ...l.loan, rule: x } })}
                  options={[
                    { value: 'declining', label: t('bk.declining') },
                    { value: 'flat', label: t('bk.flat') },
                  ]}
                  error={f[`${at}.new_loan.interest_rule`]}
                  testid={`m${i}-loan-rule`}
                />
                <Field
                  label={t('bk.interestRate')}
                  inputMode="decimal"
                  value={l.loan.rate}
                  onInput={(x) => set(m.membership_id, { loan: { ...l.loan, rate: x } })}
                  error={f[`${at}.new_loan.interest_bp`]}
                  testid={`m${i}-loan-rate`}
                />
              </details>
            </fieldset>
          );
        })}
        <fieldset>
          <legend>{t('bk.groupCash')}</legend>
          <Facts rows={[[t('bk.opening'), money(books.balances.cash), 'opening-cash']]} />
          <Field
            label={t('bk.bankDeposit')}
            inputMode="decimal"
            value={bank.deposit}
            onInput={(x) => setBank({ ...bank, deposit: x })}
            error={f.bank_deposit}
            testid="bank-deposit"
          />
          <Field
            label={t('bk.bankWithdrawal')}
            inputMode="decimal"
            value={bank.withdrawal}
            onInput={(x) => setBank({ ...bank, withdrawal: x })}
            error={f.bank_withdrawal}
            testid="bank-withdrawal"
          />
          <Field
            label={t('bk.closing')}
            inputMode="decimal"
            value={bank.closing}
            onInput={(x) => setBank({ ...bank, closing: x })}
            error={f.closing_cash ?? f.opening_cash}
            testid="closing-cash"
          />
          <p class="hint" data-testid="cash-check" aria-live="polite">
            {t('bk.expected', { amount: money(expected) })}{' '}
            {counted === null || bank.closing === ''
              ? ''
              : counted === expected
                ? t('bk.balanced')
                : t('bk.offBy', { amount: money(counted - expected) })}
          </p>
        </fieldset>
        <FormActions
          w={w}
          testid="meeting"
          saveLabel={t('bk.close')}
          cancel={href('institutions', id, 'books')}
        />
      </Form>
    </section>
  );
}

function LoanPage({ id }: { id: string }) {
  const { t } = useI18n();
  const loan = useFetch<Loan & { currency?: string }>(`/member-loans/${id}`).data;
  // Its amounts in the group's currency: shown once the books are read too.
  const books = useBooks(loan?.institution_id ?? null).data;
  const money = useMoney(books);
  if (!loan || !books) return <p class="muted">{t('common.loading')}</p>;
  const p = loan.position;
  return (
    <section class="card" data-testid="loan">
      <Crumbs
        items={[{ href: href('institutions', loan.institution_id, 'books'), label: t('bk.books') }]}
        current={t('bk.loan')}
      />
      <h1>{t('bk.loanOf', { name: loan.member_name })}</h1>
      <Facts
        rows={[
          [t('bk.purpose'), t(`bk.purpose.${loan.purpose}` as MessageKey)],
          [t('bk.amount'), money(loan.principal)],
          [t('bk.repaid'), money(p.repaid), 'loan-repaid'],
          [t('bk.outstanding'), money(p.outstanding), 'loan-outstanding'],
          [t('bk.daysOverdue'), String(p.days_overdue), 'loan-overdue'],
          [
            t('bk.interestRule'),
            `${t(loan.interest_rule === 'flat' ? 'bk.flat' : 'bk.declining')} · ${loan.interest_bp / 100} %`,
          ],
        ]}
      />
      <h2>{t('bk.schedule')}</h2>
      <div class="table-wrap">
        <table class="stack numbers" data-testid="loan-schedule">
          <thead>
            <tr>
              <th scope="col">{t('bk.due')}</th>
              <th scope="col">{t('bk.principal')}</th>
              <th scope="col">{t('bk.interest')}</th>
            </tr>
          </thead>
          <tbody>
            {loan.schedule.map((i) => (
              <tr key={i.number}>
                <th scope="row">{i.due_on}</th>
                <td data-label={t('bk.principal')}>{money(i.principal)}</td>
                <td data-label={t('bk.interest')}>{money(i.interest)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const screens: Screens = {
  books: ({ params }) => <BooksPage key={params.id} id={params.id} />,
  'book-meeting': ({ params }) => <MeetingPage key={params.id} id={params.id} />,
  'book-meeting-fix': ({ params }) => (
    <MeetingPage key={params.entry} id={params.id} entry={params.entry} />
  ),
  'member-loan': ({ params }) => <LoanPage key={params.id} id={params.id} />,
};
