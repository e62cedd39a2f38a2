#include "vigie/actors/role_owners.h"

#include <gtest/gtest.h>

namespace vigie::actors {
namespace {

Mention ActorMention(const std::string& country, const std::string& org, const std::string& role) {
  Mention m;
  m.actor.country = country;
  m.actor.org = org;
  m.actor.role = role;
  m.actor.code = ActorCode(m.actor);
  return m;
}

TEST(RoleOwnersTest, BareRoleTakesTheOneOwnerTheDocumentNames) {
  RoleOwners owners;
  owners.Learn({ActorMention("MLI", "", "REB"), ActorMention("RUS", "", "MIL")});
  owners.Learn({ActorMention("MLI", "", "REB")});
  std::vector<Mention> later = {ActorMention("", "", "REB"), ActorMention("", "", "MIL"),
                                ActorMention("", "", "GOV")};
  owners.Apply(&later);
  EXPECT_EQ(later[0].actor.code, "MLIREB");
  EXPECT_EQ(later[1].actor.code, "RUSMIL");
  EXPECT_EQ(later[2].actor.code, "GOV");  // no government named: nobody
  EXPECT_TRUE(later[2].actor.Key().empty());
}

// "ses forces" are whoever "ses" refers to: not guessed from the document.
TEST(RoleOwnersTest, APossessedRoleIsLeftAlone) {
  RoleOwners owners;
  owners.Learn({ActorMention("MLI", "", "MIL")});
  std::vector<Mention> later = {ActorMention("", "", "MIL")};
  later[0].possessed = true;
  owners.Apply(&later);
  EXPECT_TRUE(later[0].actor.Key().empty());
}

TEST(RoleOwnersTest, TwoOwnersOfARoleLeaveItBare) {
  RoleOwners owners;
  owners.Learn({ActorMention("DZA", "", "GOV"), ActorMention("RUS", "", "GOV")});
  std::vector<Mention> later = {ActorMention("", "", "GOV")};
  owners.Apply(&later);
  EXPECT_TRUE(later[0].actor.Key().empty());
}

TEST(RoleOwnersTest, OrganisationsOwnTheirRolesAndPlacesOwnNothing) {
  RoleOwners owners;
  Mention place = ActorMention("SDN", "", "");
  place.kind = MentionKind::kPlace;
  owners.Learn({ActorMention("", "UN", "IGO"), place});
  std::vector<Mention> later = {ActorMention("", "", "IGO"), ActorMention("", "", "MIL"),
                                ActorMention("DZA", "", "IGO")};
  owners.Apply(&later);
  EXPECT_EQ(later[0].actor.code, "UN");
  EXPECT_TRUE(later[1].actor.Key().empty());
  EXPECT_EQ(later[2].actor.code, "DZAIGO");  // an owned role keeps its owner
}

}  // namespace
}  // namespace vigie::actors
