# Images and videos users send in chats.
module "media" {
  source = "../modules/media-bucket"
  providers = {
    aws = aws.seoul
  }
  name = "chat-media-${var.env}"
}

module "media_thumbnails" {
  source = "../modules/media-bucket"
  name   = "chat-thumbnails-${var.env}"
}
