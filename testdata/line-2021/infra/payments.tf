# Payment transactions for the payment service.
resource "aws_rds_cluster" "payments" {
  provider           = aws.seoul
  cluster_identifier = "payments-${var.env}"
  engine             = "aurora-mysql"
}
