# The notice speaks to users in Japan.
home = "JP"

# The group company whose engineers maintain the messaging backend from Shanghai.
entity "shanghai-affiliate" {
  country      = "CN"
  aws_accounts = ["222233334444"]
  cidrs        = ["198.51.100.0/24"]
  domains      = ["affiliate-dev.cn"]
}
