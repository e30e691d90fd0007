// The SQL repositories of Collect devices, XForms and submissions (migration 0020).
#pragma once

#include "domain/forms/form.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// A submission row's columns and its reader (shared with the review repository).
extern const char* const kSubmissionColumns;
domain::Submission ReadSubmission(const ResultSet::Row& r);

class SqlCollectDeviceRepository final : public domain::CollectDeviceRepository {
 public:
  explicit SqlCollectDeviceRepository(Connection& conn) : conn_(conn) {}
  void Insert(const domain::CollectDevice& device) override;
  std::optional<domain::CollectDevice> Get(const std::string& id) override;
  std::optional<domain::CollectDevice> FindByTokenHash(const std::string& token_hash) override;
  std::vector<domain::CollectDevice> List(const domain::CollectDeviceQuery& query) override;
  void Revoke(const std::string& id, const std::string& at) override;
  void Touch(const std::string& id, const std::string& at) override;

 private:
  Connection& conn_;
};

class SqlXFormRepository final : public domain::XFormRepository {
 public:
  explicit SqlXFormRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::XForm> List() override;
  std::optional<domain::XForm> Get(const std::string& id) override;
  std::optional<domain::XForm> GetByXmlFormId(const std::string& xml_form_id) override;
  Status Insert(const domain::XForm& form) override;
  bool Update(const domain::XForm& form, std::int64_t expected_version) override;
  Status InsertVersion(const domain::XFormVersion& version) override;
  std::optional<domain::XFormVersion> GetVersion(const std::string& form_id,
                                                 const std::string& version) override;
  void SetPublishedAt(const std::string& form_id, const std::string& version,
                      const std::string& at) override;
  std::vector<domain::XFormMedia> Media(const std::string& form_id,
                                        const std::string& version) override;
  void UpsertMedia(const domain::XFormMedia& media) override;
  void SetAssignments(const std::string& form_id, const std::vector<std::string>& devices,
                      const std::vector<std::string>& areas) override;
  bool AssignedTo(const std::string& form_id, const std::string& device_id,
                  const std::vector<std::string>& area_paths) override;

 private:
  std::vector<domain::XForm> Read(const std::string& where, const std::vector<Param>& params);
  Connection& conn_;
};

class SqlSubmissionRepository final : public domain::SubmissionRepository {
 public:
  explicit SqlSubmissionRepository(Connection& conn) : conn_(conn) {}
  void LockInstance(const std::string& form_id, const std::string& instance_id) override;
  std::optional<domain::Submission> FindByInstance(const std::string& form_id,
                                                   const std::string& instance_id) override;
  std::optional<domain::Submission> Get(const std::string& id) override;
  void Insert(const domain::Submission& submission) override;
  void MarkReplaced(const std::string& id) override;
  std::vector<domain::SubmissionAttachment> Attachments(const std::string& submission_id) override;
  void UpsertAttachment(const domain::SubmissionAttachment& attachment) override;
  void CountAttachments(const std::string& submission_id) override;
  std::int64_t CountForForm(const std::string& form_id) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
