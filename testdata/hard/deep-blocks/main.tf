resource "aws_s3_bucket" "b" {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
nested {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
