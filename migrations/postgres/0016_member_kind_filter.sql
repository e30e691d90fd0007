-- The indicators' member_kind filter now reads the institution type's member kind (every
-- membership row carries its person's household, so "has a household" matched nearly every
-- row, and "person" only people without one). Households organised count a household through
-- any of its memberships (a CO's household member, a woman of it in an SHG: "households
-- mobilised into SHGs"), as their definitions say: the filter they carried is dropped, which
-- leaves their values as they were (a distinct count of households passes over rows without one).
DELETE FROM indicator_filter WHERE indicator_code IN ('HH_ORGANISED', 'HH_POOR_ORGANISED') AND field = 'member_kind';
