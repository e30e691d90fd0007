// The group books as the API sends them (amounts in minor units).
export interface Instalment {
  number: number;
  due_on: string;
  principal: number;
  interest: number;
}

export interface Loan {
  id: string;
  institution_id: string;
  membership_id: string;
  member_name: string;
  purpose: string;
  principal: number;
  interest_rule: 'flat' | 'declining';
  interest_bp: number;
  instalments: number;
  disbursed_on: string;
  status: 'active' | 'written_off';
  version: number;
  schedule: Instalment[];
  position: {
    disbursed: number;
    repaid: number;
    written_off: number;
    outstanding: number;
    due: number;
    arrears: number;
    days_overdue: number;
  };
}

export interface Books {
  institution_id: string;
  institution_name: string;
  currency: string;
  currency_digits: number;
  balances: {
    cash: number;
    bank: number;
    savings: number;
    outstanding: number;
    interest: number;
    penalties: number;
    written_off: number;
  };
  members: { membership_id: string; name: string; savings: number; outstanding: number }[];
  rules: { interest_rule: string; interest_bp: number; saving_amount: number }[];
  meetings: {
    id: string;
    held_on: string;
    members: number;
    present: number;
    closing_cash: number;
  }[];
  loans: Loan[];
  loan_purposes: string[];
}

export interface ReportCard {
  meetings: number;
  attendance_percent: number | null;
  repayment_rate_percent: number | null;
  par30_percent: number | null;
}
