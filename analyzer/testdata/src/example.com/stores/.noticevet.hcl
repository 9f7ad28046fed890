home = "JP"

host "cluster1.xyz9.mongodb.net" { country = "US" }
