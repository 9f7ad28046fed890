entity "dalian-contractor" {
  country      = "CN"
  aws_accounts = ["222233334444"]
}
