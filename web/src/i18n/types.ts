// A message with plural forms, chosen by Intl.PluralRules for the active language.
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
