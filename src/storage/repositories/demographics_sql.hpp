// SQL spelled from the domain's one definition of sexes and UNHCR age bands
// (domain/demographics.hpp), so that a band or a sex added there reaches every statement.
#pragma once

#include <functional>
#include <string>

namespace mobilise::storage {

// "CASE WHEN <birth_date> IS NULL THEN 'unknown' WHEN <birth_date> > <born_after(5)> THEN '0-4'
// ... ELSE '60+' END": the age band of an ISO birth date. `born_after(n)` is the SQL for the
// date n years before the reference day (a parameter "?" or an expression); it is called once
// per band boundary in increasing order of age (5, 12, 18, 60).
std::string AgeBandCaseSql(const std::string& birth_date,
                           const std::function<std::string(int)>& born_after);

// "(SELECT 'f' AS sex UNION ALL SELECT 'm' UNION ALL SELECT 'x')": one row per sex.
std::string SexRowsSql();

// "CASE <sex> WHEN 'f' THEN <activity>.participants_f WHEN 'm' THEN ... ELSE
// <activity>.participants_x END": the activity's participants of the sex in `sex`.
std::string ParticipantsOfSexSql(const std::string& sex, const std::string& activity);

}  // namespace mobilise::storage
