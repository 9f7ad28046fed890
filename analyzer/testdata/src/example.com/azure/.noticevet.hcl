home = "JP"

host "media.blob.core.windows.net" { country = "JP" }
host "backup.blob.core.windows.net" { country = "SG" }
