home = "JP"

entity "x" {
  country = "China"
}
