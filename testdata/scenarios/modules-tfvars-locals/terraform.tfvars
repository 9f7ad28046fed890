replica_site = "singapore"
