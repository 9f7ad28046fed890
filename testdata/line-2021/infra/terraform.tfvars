primary_region = "ap-northeast-1"
