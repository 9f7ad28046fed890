provider "aws" {
  region = "ap-northeast-1ÿ"
}
