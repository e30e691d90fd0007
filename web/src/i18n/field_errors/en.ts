// English words for the server's field problems: one key 'ferr.<code>' per code of the server's
// catalogue (src/core/field_problems.def, published as x-field-codes in /api/v1/openapi.json),
// using only that code's {params}. Shown beside the field, so a message names the problem, not
// the field. Kinds of things and actions (the params `what` and `action`) have words of their
// own ('fwhat.<code>', 'faction.<code>'). The other languages hold the same keys (the compiler
// checks), and tests/api/field_translations.test.mjs checks them against the server's catalogue.
const en = {
  // Any field
  'ferr.invalid': 'Not valid.',
  'ferr.required': 'Required.',
  'ferr.too_long': 'Too long: at most {max} characters.',
  'ferr.too_short': 'Too short: at least {min} characters.',
  'ferr.too_many_bytes': 'Too long: at most {max} bytes.',
  'ferr.only_spaces': 'Type more than spaces.',
  'ferr.control_characters': 'Remove the control characters.',
  'ferr.code_characters': 'Use only letters A-Z, digits, “.”, “_” and “-”.',
  'ferr.one_of': 'Choose one of: {allowed}.',
  'ferr.out_of_range': 'Must be between {min} and {max}.',
  'ferr.out_of_range_test_max': 'Must be between {min} and the test maximum {max}.',
  'ferr.positive_number': 'Must be a number above 0.',
  'ferr.not_negative_number': 'Must be a number, 0 or more.',
  'ferr.whole_number': 'Must be a whole number.',
  'ferr.whole_number_range': 'Must be a whole number from {min} to {max}.',
  'ferr.whole_number_from': 'Must be a whole number, {min} or more.',
  'ferr.month': 'Must be a month, 1 to 12.',
  'ferr.not_a_date': 'Not a date (YYYY-MM-DD).',
  'ferr.not_a_date_or_time': 'Not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ).',
  'ferr.not_a_clock_time': 'Not a time (HH:MM).',
  'ferr.in_the_future': 'Cannot be in the future.',
  'ferr.not_a_period':
    'Give a month (2026-10), a quarter (2026Q3), a half-year (2026S2) or a year (2026).',
  'ferr.not_a_period_or_ptd':
    'Give a month (2026-10), a quarter (2026Q3), a half-year (2026S2), a year (2026) or ptd.',
  'ferr.phone_characters': 'Use only digits, spaces and + - ( ).',
  'ferr.phone_length': 'Must have 5 to 20 characters, mostly digits.',
  'ferr.not_a_language_code': 'Give a language code such as ps, uk, mr.',
  'ferr.language_code_too_long': 'A language code has at most {max} characters.',
  'ferr.not_a_uuid': 'Not a valid id.',
  'ferr.id_used_elsewhere': 'This id is already used for another record.',
  'ferr.same_id_as': 'The same id as {other}.',
  'ferr.stale_version': 'Someone changed this meanwhile (now version {current}).',
  'ferr.given_twice': 'Given twice.',
  'ferr.term_given_twice': '{value} is given twice.',
  'ferr.listed_twice': 'Listed twice.',
  'ferr.used_twice': 'Used twice.',
  'ferr.already_registered': 'Already registered.',
  'ferr.code_taken': 'Another {what} has this code.',
  'ferr.code_cannot_change': 'A code cannot change.',
  'ferr.is_empty': 'Empty.',
  'ferr.both_coordinates': 'Give both latitude and longitude.',
  'ferr.required_one_of': 'Choose one of: {allowed}.',

  // The shape of what the app sent
  'ferr.unknown_field': 'Not a field of this record.',
  'ferr.malformed_json': 'Not readable (the data is damaged).',
  'ferr.not_a_string': 'Must be text.',
  'ferr.not_a_string_or_null': 'Must be text or empty.',
  'ferr.not_a_number': 'Must be a number.',
  'ferr.not_a_number_or_null': 'Must be a number or empty.',
  'ferr.not_an_integer': 'Must be a whole number.',
  'ferr.not_an_object': 'Not in the expected form.',
  'ferr.not_an_object_or_null': 'Not in the expected form.',
  'ferr.not_a_boolean': 'Must be yes or no.',
  'ferr.not_an_array': 'Must be a list.',
  'ferr.body_not_an_object': 'Not in the expected form.',
  'ferr.not_an_array_of': 'Must be a list of {shape}.',
  'ferr.role_object': 'Each role needs a role and an area.',
  'ferr.required_or_null': 'Fill this in (leave it empty when not tested).',

  // Counts of list items
  'ferr.give_count': 'Give {min} to {max} {what}.',
  'ferr.count_of': '{min} to {max} {what}.',
  'ferr.at_most': 'At most {max} {what}.',
  'ferr.at_most_people': 'At most {max} people in one household.',
  'ferr.at_least_one_grade': 'Give at least one grade.',
  'ferr.at_least_one_role': 'Give the user at least one role in an area.',

  // References to other records
  'ferr.no_such_in_scope': 'No such {what} in your areas.',
  'ferr.no_such_cefc_in_scope': 'No such feedback centre (CEFC) in your areas.',
  'ferr.no_such_file_of_area': 'No such file attached to a record of this area.',
  'ferr.no_such_in_institution_area': 'No such {what} in the institution’s area.',
  'ferr.no_such': 'No such {what}.',
  'ferr.unknown': 'Unknown {what}.',
  'ferr.unknown_named': 'Unknown {what}: {value}.',
  'ferr.no_indicator': 'No indicator {code}.',
  'ferr.no_area_with_code': 'No area with code {code}.',
  'ferr.no_child_area': 'No area {value} under this one.',
  'ferr.not_a_valid_value': '“{value}” is not a valid value.',
  'ferr.unknown_value': 'Unknown value “{value}” (choose one of: {allowed}).',
  'ferr.unknown_config_key': 'Unknown setting or wrong type in {path}.',

  // Scope and roles
  'ferr.role_may_not_in_area': 'Your role may not {action} in this area.',
  'ferr.role_may_not_record_needs': 'Your role may not record needs here.',
  'ferr.role_may_not_institution': 'Your role may not {action} this institution.',
  'ferr.plans_set_by_officers':
    'Plans are set by the area’s officers, managers and administrators.',
  'ferr.cannot_disable_self': 'You cannot disable your own account.',
  'ferr.supervisor_cycle':
    'This would make a loop in the reporting line: a user cannot report to themselves or to anyone they supervise.',
  'ferr.day_or_week': 'Give either a day or an ISO week (2026-W05), not both.',
  'ferr.not_a_week': 'Must be an ISO week such as 2026-W05.',
  'ferr.not_a_plan_period':
    'Must be a day (2026-03-02), an ISO week (2026-W10) or a month (2026-03), as the plan’s kind says.',
  'ferr.outside_plan_period': 'Is outside the plan’s day, week or month.',
  'ferr.owner_or_supervisor':
    'Only the staff member or someone above them in the reporting line may write this.',
  'ferr.reviewed_by_supervisor':
    'Is reviewed by someone above the staff member in the reporting line.',
  'ferr.not_current_password': 'This is not your current password.',
  'ferr.focal_point_only': 'Only a feedback focal point of the area may handle a sensitive case.',

  // Dates in order
  'ferr.end_before_start': 'Must be after the start time.',
  'ferr.before_the': 'Is before the {what}.',
  'ferr.before_received': 'Is before the feedback was received.',
  'ferr.before_joined': 'Is before the member joined.',
  'ferr.before_formed_on': 'Is before the institution was formed ({date}).',

  // Activities and trainings
  'ferr.same_count_twice': 'The same sex, age band and disability are counted twice.',
  'ferr.total_mismatch': 'The total is {total} but the counts add up to {counted}.',
  'ferr.named_above_counted':
    'Fewer participants are counted ({counted}) than are named ({named}).',
  'ferr.participants_before_submit':
    'Record the participants (counted or named) before submitting.',
  'ferr.required_to_correct_activity': 'Fill this in to correct a verified activity.',
  'ferr.only_for_verified_change': 'Only for changing a verified record.',
  'ferr.required_to_correct_training': 'Fill this in to correct a submitted or verified training.',
  'ferr.only_for_training_correction': 'Only for correcting a submitted or verified training.',
  'ferr.required_what_to_fix': 'Say what to fix.',
  'ferr.facilitator_user_or_name':
    'Choose a staff member, or type the name of a facilitator from outside.',
  'ferr.only_for_kind': 'Only for a {what}.',
  'ferr.only_for_sum_or_average': 'Only for a sum or an average.',
  'ferr.required_for_kind': 'Needed for a {what}.',
  'ferr.is_required_for_kind': 'Fill this in for a {what}.',
  'ferr.only_kind_has_course': 'Only a {what} has a course.',
  'ferr.need_user_or_institution': 'Choose a staff member or a community institution.',
  'ferr.course_has_no_test': 'The course has no test.',
  'ferr.list_trainees': 'List the trainees to score.',
  'ferr.not_a_trainee': 'Not a trainee of this training.',
  'ferr.scores_above_max':
    'Trainees of this course have scores up to {highest}; the maximum cannot be lower.',
  'ferr.scores_exist':
    'Trainees of this course have test scores; clear them before removing the test.',
  'ferr.file_kind': 'Must be a JPEG or PNG photo or a PDF document.',
  'ferr.file_type_mismatch': 'This is a {actual} file sent as {declared}.',
  'ferr.not_a_photo': 'Must be a photo (JPEG or PNG).',
  'ferr.thumb_size': 'A size from {min} to {max} pixels.',
  'ferr.only_photos_have_thumbnails': 'Only photos have thumbnails.',
  'ferr.photo_undecodable': 'The photo cannot be read.',

  // Households and people
  'ferr.national_id_form': 'Must be 5 to 20 letters and digits (dashes and spaces allowed).',
  'ferr.psc_date_required': 'Give the survey date with a PSC score.',
  'ferr.psc_score_required': 'Give the PSC score with a survey date or source.',
  'ferr.either_not_both': 'Give either {first} or {second}, not both.',
  'ferr.wg_answer': 'Choose an answer: no difficulty, some, a lot, or cannot do at all.',
  'ferr.birth_date_or_age': 'Give a birth date or an age, not both.',
  'ferr.household_has_head': 'The household already has a head.',
  'ferr.people_through_household': 'Add or change people through {path}.',
  'ferr.household_in_institutions':
    'The household is a member of institutions here; end those memberships first.',
  'ferr.same_household': 'This is the same household.',
  'ferr.both_in_institution_type':
    'Both households are current members of a {type}; end one of those memberships first.',

  // Institutions and memberships
  'ferr.type_cannot_change': 'Cannot change; register a new institution of the other type.',
  'ferr.not_an_item_of': 'Not an item of {checklist}.',
  'ferr.required_when_bank_opened': 'Fill this in when the account is opened.',
  'ferr.required_when_registered': 'Fill this in when registered.',
  'ferr.required_when_merged': 'Fill this in when merged.',
  'ferr.goes_with': 'Goes with {field}.',
  'ferr.status_fields_with_change':
    'The status date, reason and merged institution go with a status change.',
  'ferr.required_when_status': 'Fill this in when an institution is {status}.',
  'ferr.final_status': 'A {status} institution cannot change status.',
  'ferr.cannot_go_back_to_forming': 'Cannot go back to forming.',
  'ferr.cannot_go_from_to': 'Cannot go from {from} to {to}.',
  'ferr.cannot_merge_into_itself': 'Cannot merge into itself.',
  'ferr.merge_same_type': 'Must be an institution of the same type.',
  'ferr.merge_target_final': 'That institution is itself dissolved or merged.',
  'ferr.cannot_federate_into': 'A {type} cannot federate into a {parent} (only into {allowed}).',
  'ferr.cannot_federate_at_all':
    'A {type} cannot federate into a {parent} (it federates into nothing).',
  'ferr.federation_outside_area':
    'The federation must be in the institution’s area or one above it.',
  'ferr.federation_final': 'The federation is dissolved or merged.',
  'ferr.federation_cycle': 'This would make a circle in the federation.',
  'ferr.takes_no_members': 'It is {status}; it takes no members.',
  'ferr.membership_ended': 'The membership has already ended.',
  'ferr.required_institution_member':
    'Fill this in: a {type} has member institutions, each with a representative.',
  'ferr.has_members': 'A {type} has {what} as members.',
  'ferr.required_members': 'Fill this in: a {type} has {what} as members.',
  'ferr.sex_composition': 'This is a {type} of {composition}.',
  'ferr.not_federated_into': 'Must be an institution federated into this {type}.',
  'ferr.required_representative':
    'Fill this in: the representative the member institution nominated.',
  'ferr.already_member_of':
    'Already a current member of {name} ({type}); end that membership first.',
  'ferr.not_current_member_of': 'Not a current member of {name}.',
  'ferr.not_member_of_household': 'Not a member of that household.',
  'ferr.not_persons_household': 'Not this person’s household.',
  'ferr.checklist_not_for': 'Does not apply to a {type}.',
  'ferr.below_size_min': 'Below the smallest size.',
  'ferr.not_higher_tier': '{parent} is not a higher tier than {type}.',
  'ferr.bands_in_order': 'Give the bands from the lowest lower bound up.',
  'ferr.first_band_at_zero': 'The first band must start at 0.',
  'ferr.grade_at_zero': 'One grade must start at 0 %.',
  'ferr.member_role_kept': 'The role “member” cannot be removed.',

  // Feedback
  'ferr.anonymous_no_contact': 'An anonymous record holds no name or contact.',
  'ferr.tag_form': 'Tags are 1-40 of a-z, 0-9, _ and -.',
  'ferr.required_to_whom': 'Say to whom.',
  'ferr.required_how_reached': 'Say how the response reached the person.',
  'ferr.satisfaction_asked_in_person':
    'Asked of the person only, when reached in person, by phone or by SMS.',
  'ferr.must_be_focal_point': 'Must be a feedback focal point of the area.',
  'ferr.must_be_feedback_staff': 'Must be a staff member who handles feedback in the area.',
  'ferr.closed_cannot_change': 'A closed record cannot change.',
  'ferr.cannot_act_on_status': 'Cannot {action} a record that is {status}.',

  // Users, sign-in, devices
  'ferr.username_taken': 'Taken by a user you do not administer.',
  'ferr.differs_from_row': 'Differs from the same user’s row {row}.',
  'ferr.grant_only_where_administered': 'You may grant roles only in areas you administer.',
  'ferr.username_form': '3 to 64 of lower-case letters a-z, digits, “.”, “_” and “-”.',
  'ferr.device_name_form': 'Fill this in: 1 to 100 characters, no control characters.',
  'ferr.token_name_form': 'Fill this in: at most 100 characters.',
  'ferr.not_a_sync_cursor': 'Not a sync position this server gave; sync again from the start.',

  // Areas
  'ferr.levels_in_order': 'Levels must be 0, 1, 2, …',
  'ferr.area_under_itself': 'An area cannot move under itself or one of its own areas.',
  'ferr.parent_at_level': 'The new parent must be at level {level}, as the current parent is.',

  // Indicators, targets, programme settings
  'ferr.indicator_code_form': '2 to 40 of A-Z, 0-9 and _, starting with a letter.',
  'ferr.indicator_exists': 'An indicator {code} already exists.',
  'ferr.builtin_computation_kept':
    'A built-in indicator’s computation cannot change; define a new indicator.',
  'ferr.ratio_has_no_record': 'A ratio has no record kind: it divides two indicators.',
  'ferr.ratio_takes_filters': 'A ratio takes the filters of its two indicators.',
  'ferr.not_itself_ratio': 'Must not itself be a ratio.',
  'ferr.cannot_divide_itself': 'An indicator cannot divide itself.',
  'ferr.filters_on': 'A {kind} indicator filters on {allowed}.',
  'ferr.measures_one_of': 'A {kind} indicator measures one of: {allowed}.',
  'ferr.cannot_disaggregate_by': '{indicator} cannot be broken down by {dimension}.',
  'ferr.cannot_disaggregate_by_only':
    '{indicator} cannot be broken down by {dimension} (only by {allowed}).',
  'ferr.no_dimension': '{indicator} has no {what} {dimension}.',
  'ferr.disaggregation_form': 'Pairs dimension=value separated by “;”.',
  'ferr.group_form': 'Pairs dimension:value separated by commas.',
  'ferr.period_or_cumulative': 'Period or cumulative.',
  'ferr.ratio_has_no_records':
    'A ratio has no records of its own: open its numerator {numerator} or denominator {denominator}.',
  'ferr.amber_above_green': 'Amber must not be above green.',
  'ferr.dhis2_code_or_uid': 'A DHIS2 code or UID.',
  'ferr.dhis2_code': 'A DHIS2 code.',
  'ferr.adx_name': 'Letters, digits and _ (a name ADX accepts).',

  // Reports and exports
  'ferr.period_kind_of_template': 'A {name} covers a {period_kind}.',
  'ferr.not_a_section_title': 'Not the title of a section of the items.',
  'ferr.shipped_template_period_kind': 'A template that comes with Mobilise keeps its period.',
  'ferr.template_used':
    'Reports were made from this template for a {period_kind}; it cannot change.',
  'ferr.format_one_of': 'One of: {allowed}.',
  'ferr.dhis2_no_period':
    'DHIS2 has no period for {period} in this fiscal year; export ADX instead.',
  'ferr.adx_needs_data_set': 'ADX needs the DHIS2 data set: set it in the programme settings.',
  'ferr.no_org_unit': 'The report’s area has no DHIS2 organisation unit in the mapping.',
  'ferr.no_mapped_indicator': 'No indicator of this report is mapped to a DHIS2 data element.',
  'ferr.adx_category_name':
    'Category “{category}” of data element {data_element} is not a name ADX accepts (letters, digits and _ only, not starting with a digit).',
  'ferr.adx_category_twice': 'Category “{category}” appears twice for data element {data_element}.',
  'ferr.adx_not_decimal':
    'The value of data element {data_element} is not a decimal number, which ADX requires.',
  'ferr.no_values_to_export': 'There are no values to export.',

  // Group books
  'ferr.cash_off_by':
    'The cash does not balance: the entries leave {expected} in hand but {counted} was counted (off by {difference}).',
  'ferr.not_ledger_cash': 'Must be the cash in hand the books show ({expected}).',
  'ferr.not_after_last_meeting': 'Must be after the group’s last meeting ({date}).',
  'ferr.above_balance': 'More than the balance of {balance}.',
  'ferr.no_book_rules':
    'The group has no rules in force on this day: give the interest rule and rate, or set the group’s rules.',
  // Configuration, command line, imports
  'ferr.host_port': 'Must be HOST:PORT, e.g. 127.0.0.1:8080.',
  'ferr.port_range': 'The port must be 0 to 65535.',
  'ferr.no_such_sheet': 'The file has no such sheet.',
  'ferr.column_has_no_name': 'A column has no name.',
  'ferr.unknown_column': 'Unknown column.',
  'ferr.column_twice': 'The column appears more than once.',
  'ferr.required_column_missing': 'A required column is missing.',
  // Another program's own words, passed on as they are.
  'ferr.unreadable': '{message}',

  // Kinds of things (the param `what`)
  'fwhat.area': 'area',
  'fwhat.member_loan': 'member loan',
  'fwhat.loan_purpose': 'loan purpose',
  'fwhat.group_member': 'current member of this group',
  'fwhat.institution': 'institution',
  'fwhat.household': 'household',
  'fwhat.person': 'person',
  'fwhat.staff_member': 'staff member',
  'fwhat.user': 'user',
  'fwhat.course': 'course',
  'fwhat.indicator': 'indicator',
  'fwhat.report_template': 'report template',
  'fwhat.member_role': 'member role',
  'fwhat.role': 'role',
  'fwhat.type': 'type',
  'fwhat.topic': 'topic',
  'fwhat.institution_type': 'institution type',
  'fwhat.feedback_category': 'feedback category',
  'fwhat.checklist': 'checklist',
  'fwhat.activity_type': 'activity type',
  'fwhat.vulnerability_flag': 'vulnerability flag',
  'fwhat.training': 'training',
  'fwhat.response': 'response',
  'fwhat.ratio': 'ratio',
  // Actions (the param `action`)
  'fwhat.values': 'values',
  'fwhat.disaggregations_at_once': 'breakdowns at once',
  'fwhat.disaggregations': 'breakdowns',
  'fwhat.disaggregation': 'breakdown',
  'fwhat.dimension': 'dimension',
  'fwhat.tags': 'tags',
  'fwhat.named_participants': 'named participants',
  'fwhat.bands': 'bands',
  'fwhat.items': 'items',
  'fwhat.options': 'options',
  'fwhat.level_names': 'level names',
  'fwhat.stories': 'stories',
  'fwhat.photos': 'photos',
  'fwhat.households': 'households',
  'fwhat.people': 'people',
  'fwhat.indicators': 'indicators',
  'faction.register_institutions': 'register institutions',
  'faction.register_households': 'register households',
  'faction.record_activities': 'record activities',
  'faction.log_feedback': 'log feedback',
  'faction.assign': 'assign',
  'faction.refer': 'refer',
  'faction.respond': 'respond to',
  'faction.close': 'close',
  'faction.activate': 'activate',
  'faction.suspend': 'suspend',
  'faction.dissolve': 'dissolve',
  'faction.merge': 'merge',
  'faction.reactivate': 'reactivate',
  'fwhat.work_plan': 'work plan',
  'faction.submit': 'submit',
  'faction.approve': 'approve',
  'faction.return': 'return',
  'faction.change': 'change',
} satisfies Record<string, string>;

export type FieldErrorKey = keyof typeof en;
export default en;
