home = "JP"

entity "shanghai-contractor" {
  country      = "CN"
  aws_accounts = ["222233334444"]
  cidrs        = ["198.51.100.0/24"]
}

entity "seoul-ops" {
  country      = "KR"
  aws_accounts = ["555566667777"]
}
