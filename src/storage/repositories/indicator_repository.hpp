#pragma once

#include "domain/indicators/indicator.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Indicator definitions and settings, and the indicator queries (compiled in indicator_sql.cpp).
class SqlIndicatorRepository final : public domain::IndicatorRepository {
 public:
  explicit SqlIndicatorRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::Indicator> List() override;
  std::optional<domain::Indicator> Get(const std::string& code) override;
  void Insert(const domain::Indicator& indicator) override;
  bool Update(const domain::Indicator& indicator, std::int64_t expected_version) override;
  bool UsedInTemplates(const std::string& code) override;
  void Delete(const std::string& code) override;
  std::vector<domain::ComputedGroup> Compute(const domain::ComputeRequest& request) override;
  std::vector<domain::RecordRef> Records(const domain::ComputeRequest& request,
                                         const std::string& column, int limit, int offset) override;
  std::vector<std::pair<std::string, std::string>> Settings() override;
  void SaveSetting(const std::string& key, const std::string& value) override;

 private:
  std::vector<domain::Indicator> Where(const std::string& where, std::vector<Param> params);
  void SaveChildren(const domain::Indicator& indicator);
  Connection& conn_;
};

// Targets per indicator x area x period (x disaggregation).
class SqlTargetRepository final : public domain::TargetRepository {
 public:
  explicit SqlTargetRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::Target> Within(const std::string& code, const std::string& path,
                                     const std::string& start, const std::string& end) override;
  domain::Page<domain::Target> List(const std::vector<domain::PathRange>& scope,
                                    const std::optional<std::string>& code,
                                    const std::optional<std::string>& period,
                                    domain::PageRequest page) override;
  std::optional<domain::Target> Find(const std::string& code, const std::string& area_id,
                                     const std::string& period,
                                     const std::string& disaggregation) override;
  std::optional<domain::Target> Get(const std::string& id) override;
  void Insert(const domain::Target& target) override;
  bool Update(const domain::Target& target, std::int64_t expected_version) override;
  void Delete(const std::string& id) override;

 private:
  std::vector<domain::Target> Where(const std::string& where, std::vector<Param> params,
                                    const std::string& tail = "");
  Connection& conn_;
};

}  // namespace mobilise::storage
