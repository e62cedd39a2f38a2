#include "vigie/actors/role_owners.h"

namespace vigie::actors {

void RoleOwners::Learn(const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions) {
    const Actor& a = m.actor;
    if (m.kind != MentionKind::kActor || a.role.empty() || a.Key().empty()) continue;
    auto [it, added] = owners_.try_emplace(a.role, Owner{a.country, a.org});
    if (!added && (it->second.country != a.country || it->second.org != a.org)) {
      it->second.ambiguous = true;
    }
  }
}

void RoleOwners::Apply(std::vector<Mention>* mentions) const {
  for (Mention& m : *mentions) {
    Actor& a = m.actor;
    if (m.kind != MentionKind::kActor || a.role.empty() || !a.Key().empty() || m.possessed) {
      continue;
    }
    auto it = owners_.find(a.role);
    if (it == owners_.end() || it->second.ambiguous) continue;
    a.country = it->second.country;
    a.org = it->second.org;
    a.code = ActorCode(a);
  }
}

}  // namespace vigie::actors
