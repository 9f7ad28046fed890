replica_site = "sydney"
