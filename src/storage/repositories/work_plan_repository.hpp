#pragma once

#include "domain/workplans/diary.hpp"
#include "domain/workplans/work_plan.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Work plans and their items in SQL; valid for the connection's current transaction.
class SqlWorkPlanRepository final : public domain::WorkPlanRepository {
 public:
  explicit SqlWorkPlanRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::WorkPlan> Get(const std::string& id) override;
  std::optional<domain::WorkPlan> Find(const std::string& owner_id, domain::PlanKind kind,
                                       const std::string& period) override;
  domain::Page<domain::WorkPlan> List(const domain::WorkPlanQuery& query) override;
  void Insert(const domain::WorkPlan& plan) override;
  bool Update(const domain::WorkPlan& plan, std::int64_t expected_version) override;
  std::vector<domain::ActualWork> Actuals(const std::string& user_id, const std::string& from,
                                          const std::string& to) override;

 private:
  std::optional<domain::WorkPlan> ReadOne(const std::string& where, const std::vector<Param>& p);
  void InsertItems(const domain::WorkPlan& plan);
  Connection& conn_;
};

// Diaries and their visited areas in SQL.
class SqlDiaryRepository final : public domain::DiaryRepository {
 public:
  explicit SqlDiaryRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::Diary> Get(const std::string& id) override;
  std::optional<domain::Diary> Find(const std::string& user_id, const std::string& day) override;
  domain::Page<domain::Diary> List(const domain::DiaryQuery& query) override;
  bool Insert(const domain::Diary& diary) override;
  bool Update(const domain::Diary& diary, std::int64_t expected_version) override;
  std::vector<domain::StaffNorm> Norms() override;

 private:
  std::vector<domain::Diary> Read(const std::string& where_order, const std::vector<Param>& p);
  void InsertAreas(const domain::Diary& diary);
  Connection& conn_;
};

}  // namespace mobilise::storage
