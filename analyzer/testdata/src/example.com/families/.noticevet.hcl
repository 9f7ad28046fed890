home = "JP"
