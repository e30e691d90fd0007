// Group books: rules, a meeting entered and closed (the cash checked, the error saying by how
// much), member loans through repayment, reversal, rescheduling and write-off by a supervisor,
// report cards of a group and an area, and concurrent meetings of one group -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

const uuid = () => crypto.randomUUID();

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, mob, officer, village, district;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      officer = await login(srv.base, 'officer.t1');
      village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      district = await areaByCode(admin, 'P1-D1-T1'); // officer.t1's area
    });
    after(async () => {
      await srv?.stop();
    });

    // A new CO of `n` new households in the village, as the mobiliser registers it.
    async function group(n) {
      const co = await mob.post('/api/v1/institutions', {
        type: 'CO',
        area_id: village.id,
        name: `Books CO ${uniq()}`,
        sex_composition: 'women',
        formed_on: '2024-01-01',
      });
      assert.equal(co.status, 201, co.text);
      const members = [];
      for (let i = 0; i < n; i++) {
        const h = await mob.post('/api/v1/households', {
          area_id: village.id,
          head_name: `Saver ${uniq()}`,
          people: [{ name: `Saver ${uniq()}`, sex: 'f', relation: 'head', age: 30 + i }],
        });
        assert.equal(h.status, 201, h.text);
        const m = await mob.post(`/api/v1/institutions/${co.json.id}/members`, {
          household_id: h.json.id,
          role: 'member',
          joined_on: '2024-01-01',
        });
        assert.equal(m.status, 201, m.text);
        members.push(m.json.id);
      }
      return { id: co.json.id, members };
    }
    const books = async (id) => (await mob.get(`/api/v1/institutions/${id}/books`)).json;

    test('a meeting is checked, closed and locked; the cash error says by how much', async () => {
      const g = await group(3);
      let r = await mob.post(`/api/v1/institutions/${g.id}/book-rules`, {
        effective_from: '2025-01-01',
        saving_amount: 10000,
        saving_frequency: 'monthly',
        interest_rule: 'declining',
        interest_bp: 200,
      });
      assert.equal(r.status, 201, r.text);
      const meeting = {
        id: uuid(),
        held_on: '2026-01-05',
        opening_cash: 0,
        closing_cash: 29000,
        bank_deposit: 5000,
        members: [
          { membership_id: g.members[0], present: true, compulsory_saving: 10000 },
          { membership_id: g.members[1], present: true, compulsory_saving: 10000, penalty: 500 },
          { membership_id: g.members[2], present: false, voluntary_saving: 14000, penalty: 500 },
        ],
      };
      // 10,000 + 10,500 + 14,500 - 5,000 deposited = 30,000 in hand, not 29,000.
      r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, meeting);
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.field_codes.closing_cash.code, 'cash_off_by');
      assert.deepEqual(r.json.error.field_codes.closing_cash.params, {
        expected: '30000',
        counted: '29000',
        difference: '-1000',
      });
      assert.equal((await books(g.id)).meetings.length, 0, 'a refused meeting writes nothing');
      meeting.closing_cash = 30000;
      r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, meeting);
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.present, 2);
      // The same meeting sent again (the phone's retry) is answered as the first time.
      const again = await mob.post(`/api/v1/institutions/${g.id}/meetings`, meeting);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      let b = await books(g.id);
      assert.equal(b.meetings.length, 1);
      assert.equal(b.currency, 'AFN');
      assert.deepEqual(
        [b.balances.cash, b.balances.bank, b.balances.savings, b.balances.penalties],
        [30000, 5000, 34000, 1000],
      );
      // Locked: no second meeting that day or before, and the next one opens with the books' cash.
      r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, {
        ...meeting,
        id: uuid(),
        opening_cash: 1,
      });
      assert.equal(r.status, 400);
      assert.equal(r.json.error.field_codes.held_on.code, 'not_after_last_meeting');
      assert.equal(r.json.error.field_codes.opening_cash.code, 'not_ledger_cash');
      // Unknown members, amounts below zero.
      r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, {
        held_on: '2026-02-05',
        opening_cash: 30000,
        closing_cash: 30000,
        members: [{ membership_id: uuid(), compulsory_saving: -5 }],
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields['members[0].membership_id'], r.text);
      assert.ok(r.json.error.fields['members[0].compulsory_saving'], r.text);
      b = await books(g.id);
      assert.equal(b.balances.cash, 30000, 'nothing changed');
      const audit = await admin.get(`/api/v1/audit?entity=book_meeting&entity_id=${meeting.id}`);
      assert.equal(audit.json.total, 1);
    });

    test('a member loan from disbursement through repayment, reversal and report card', async () => {
      const g = await group(2);
      const loanId = uuid();
      let r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, {
        held_on: '2026-01-10',
        opening_cash: 0,
        closing_cash: 10000,
        members: [
          { membership_id: g.members[0], present: true, compulsory_saving: 40000 },
          {
            membership_id: g.members[1],
            present: true,
            new_loan: {
              id: loanId,
              purpose: 'livestock',
              principal: 30000,
              instalments: 3,
              interest_rule: 'declining',
              interest_bp: 200,
            },
          },
        ],
      });
      assert.equal(r.status, 201, r.text);
      r = await mob.get(`/api/v1/member-loans/${loanId}?on=2026-02-10`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        r.json.schedule.map((i) => [i.due_on, i.principal, i.interest]),
        [
          ['2026-02-10', 10000, 600],
          ['2026-03-10', 10000, 400],
          ['2026-04-10', 10000, 200],
        ],
      );
      assert.equal(r.json.position.outstanding, 30000);
      assert.equal(r.json.position.days_overdue, 0);
      // More than is owed is refused; the first instalment is paid.
      const repay = (principal, interest, held_on, opening, id = uuid()) =>
        mob.post(`/api/v1/institutions/${g.id}/meetings`, {
          id,
          held_on,
          opening_cash: opening,
          closing_cash: opening + principal + interest,
          members: [
            {
              membership_id: g.members[1],
              present: true,
              repayments: [{ loan_id: loanId, principal, interest }],
            },
          ],
        });
      r = await repay(30001, 0, '2026-02-10', 10000);
      assert.equal(r.status, 400);
      assert.equal(
        r.json.error.field_codes['members[0].repayments[0].principal'].code,
        'above_balance',
      );
      const paidMeeting = uuid();
      r = await repay(10000, 600, '2026-02-10', 10000, paidMeeting);
      assert.equal(r.status, 201, r.text);
      r = await mob.get(`/api/v1/member-loans/${loanId}?on=2026-04-10`);
      assert.equal(r.json.position.outstanding, 20000);
      assert.equal(r.json.position.days_overdue, 31, 'the 03-10 instalment is 31 days late');
      // Report card of April: PAR30 is the loan's whole outstanding over the portfolio.
      r = await mob.get(`/api/v1/institutions/${g.id}/report-card?month=2026-04&on=2026-04-10`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.par30_percent, 100);
      assert.equal(r.json.savings_to_date, 40000);
      r = await mob.get(`/api/v1/institutions/${g.id}/report-card?month=2026-04&on=2026-04-09`);
      assert.equal(r.json.par30_percent, 0, '30 days overdue is not yet PAR30');
      r = await officer.get(`/api/v1/book-report-card?area=${district.id}&month=2026-02`);
      assert.equal(r.status, 200, r.text);
      assert.ok(r.json.groups >= 1 && r.json.meetings >= 1, r.text);

      // The repayment was entered in error: only a supervisor reverses it, with a reason.
      const ledger = (await mob.get(`/api/v1/institutions/${g.id}/ledger`)).json.items;
      const entry = ledger.find((e) => e.kind === 'principal_repaid');
      r = await mob.post(`/api/v1/ledger-entries/${entry.id}/reverse`, { reason: 'typo' });
      assert.equal(r.status, 403);
      r = await officer.post(`/api/v1/ledger-entries/${entry.id}/reverse`, { reason: '' });
      assert.equal(r.status, 400);
      r = await officer.post(`/api/v1/ledger-entries/${entry.id}/reverse`, {
        reason: 'entered against the wrong member',
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.amount, -10000);
      assert.equal(r.json.reverses_id, entry.id);
      r = await officer.post(`/api/v1/ledger-entries/${entry.id}/reverse`, { reason: 'again' });
      assert.equal(r.status, 409, 'an entry is reversed once');
      let b = await books(g.id);
      const loan = b.loans.find((l) => l.id === loanId);
      assert.equal(loan.position.outstanding, 30000);
      assert.equal(b.balances.cash, 10000 + 600, 'the cash follows the reversal');
      // Every balance is the sum of the ledger's entries.
      const all = (await mob.get(`/api/v1/institutions/${g.id}/ledger`)).json.items;
      const sum = (kinds) =>
        all.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + e.amount, 0);
      assert.equal(b.balances.savings, sum(['compulsory_saving', 'voluntary_saving']));
      assert.equal(b.balances.outstanding, sum(['loan_disbursement']) - sum(['principal_repaid']));

      // Rescheduled (supervisor, reason), then repaid in full at the next meeting.
      r = await officer.post(`/api/v1/member-loans/${loanId}/reschedule`, {
        version: loan.version,
        reason: 'harvest failed',
        instalments: 2,
        first_due_on: '2099-01-01',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.reschedules, 1);
      assert.deepEqual(
        r.json.schedule.map((i) => i.principal),
        [15000, 15000],
      );
      r = await repay(30000, 0, '2026-03-10', 10600);
      assert.equal(r.status, 201, r.text);
      b = await books(g.id);
      assert.equal(b.loans.find((l) => l.id === loanId).position.outstanding, 0);
      assert.equal(b.members.find((m) => m.membership_id === g.members[1]).outstanding, 0);
      r = await officer.post(`/api/v1/member-loans/${loanId}/write-off`, {
        version: (await mob.get(`/api/v1/member-loans/${loanId}`)).json.version,
        reason: 'nothing left',
      });
      assert.equal(r.status, 409, 'a repaid loan has nothing to write off');
    });

    test('write-off by a supervisor ends the loan; stale versions and other areas refused', async () => {
      const g = await group(1);
      const loanId = uuid();
      let r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, {
        held_on: '2026-01-10',
        opening_cash: 0,
        closing_cash: 0,
        members: [{ membership_id: g.members[0], compulsory_saving: 5000 }],
        bank_deposit: 5000,
      });
      assert.equal(r.status, 201, r.text);
      r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, {
        held_on: '2026-01-20',
        opening_cash: 0,
        closing_cash: 0,
        bank_withdrawal: 4000,
        members: [
          {
            membership_id: g.members[0],
            new_loan: { id: loanId, purpose: 'health', principal: 4000, instalments: 2 },
          },
        ],
      });
      assert.equal(r.status, 400, 'no rules and no interest given');
      assert.equal(
        r.json.error.field_codes['members[0].new_loan.interest_rule'].code,
        'no_book_rules',
      );
      r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, {
        held_on: '2026-01-20',
        opening_cash: 0,
        closing_cash: 0,
        bank_withdrawal: 4000,
        members: [
          {
            membership_id: g.members[0],
            new_loan: {
              id: loanId,
              purpose: 'health',
              principal: 4000,
              instalments: 2,
              interest_rule: 'flat',
              interest_bp: 100,
            },
          },
        ],
      });
      assert.equal(r.status, 201, r.text);
      let loan = (await mob.get(`/api/v1/member-loans/${loanId}`)).json;
      r = await mob.post(`/api/v1/member-loans/${loanId}/write-off`, {
        version: loan.version,
        reason: 'died',
      });
      assert.equal(r.status, 403);
      r = await officer.post(`/api/v1/member-loans/${loanId}/write-off`, {
        version: loan.version + 5,
        reason: 'member died',
      });
      assert.equal(r.status, 409);
      r = await officer.post(`/api/v1/member-loans/${loanId}/write-off`, {
        version: loan.version,
        reason: 'member died',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.status, 'written_off');
      assert.equal(r.json.position.outstanding, 0);
      assert.equal(r.json.position.written_off, 4000);
      const b = await books(g.id);
      assert.equal(b.balances.written_off, 4000);
      assert.equal(b.balances.bank, 1000);
      const outsider = await login(srv.base, 'mobiliser.u2');
      assert.equal((await outsider.get(`/api/v1/institutions/${g.id}/books`)).status, 404);
      assert.equal((await outsider.get(`/api/v1/member-loans/${loanId}`)).status, 404);
    });

    test('concurrent meetings of one group keep the ledger consistent', async () => {
      const g = await group(2);
      let r = await mob.post(`/api/v1/institutions/${g.id}/meetings`, {
        held_on: '2026-01-01',
        opening_cash: 0,
        closing_cash: 0,
        bank_deposit: 2000,
        members: [{ membership_id: g.members[0], compulsory_saving: 2000 }],
      });
      assert.equal(r.status, 201, r.text);
      // Eight phones send eight different meetings at once, each opening with the cash of 0 and
      // taking the group's bank money out: only one can be right; the others must be refused
      // (their opening cash or date no longer matches the books, or the bank has no money left).
      // One signed-in mobiliser sends them all (eight sign-ins at once would meet the sign-in throttle).
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          mob.post(`/api/v1/institutions/${g.id}/meetings`, {
            held_on: `2026-02-0${i + 1}`,
            opening_cash: 0,
            closing_cash: 2000,
            bank_withdrawal: 2000,
            members: [{ membership_id: g.members[1], present: true }],
          }),
        ),
      );
      const statuses = results.map((x) => x.status);
      assert.ok(
        statuses.every((s) => s === 201 || s === 400),
        statuses.join(),
      );
      const b = await books(g.id);
      assert.ok(b.balances.bank >= 0 && b.balances.cash >= 0, JSON.stringify(b.balances));
      assert.equal(b.balances.bank + b.balances.cash, 2000, 'no money created or lost');
      const accepted = statuses.filter((s) => s === 201).length;
      assert.equal(b.meetings.length, 1 + accepted);
      assert.equal(accepted >= 1, true);
      assert.equal(b.balances.bank, 0, 'the bank money left once');
    });
  });
