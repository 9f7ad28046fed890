home = "JP"

host "discord.com" { country = "US" }
