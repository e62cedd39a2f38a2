#pragma once
// Who a bare role stands for in a document. "Les rebelles" in an article whose only rebels
// are Mali's (the CSP-DPA, "les rebelles de l'Azawad") are Mali's; "l'armée" where the only
// army named is Sudan's is Sudan's. A reader resolves them so; the recognizer, which sees one
// sentence at a time, cannot. Where the document names the role for two owners, nothing is
// guessed.

#include <string>
#include <unordered_map>
#include <vector>

#include "vigie/actors/mention.h"

namespace vigie::actors {

class RoleOwners {
 public:
  // Learns who holds each role in `mentions`, one sentence's (from the article itself: reader
  // comments are other people's words).
  void Learn(const std::vector<Mention>& mentions);

  // Gives each bare role of `mentions` (an actor with a role but neither country nor org,
  // not after a possessive) the one owner the document names for that role.
  void Apply(std::vector<Mention>* mentions) const;

 private:
  struct Owner {
    std::string country;
    std::string org;
    bool ambiguous = false;
  };
  std::unordered_map<std::string, Owner> owners_;  // by role
};

}  // namespace vigie::actors
