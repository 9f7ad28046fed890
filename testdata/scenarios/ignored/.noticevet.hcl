home = "JP"

ignore {
  rule   = "undisclosed-country"
  path   = "legacy/**"
  reason = "decommissioned in Q3; removal tracked"
}
