# Engineers of the group company maintain the backend and can assume this role.
resource "aws_iam_role" "backend_maintenance" {
  name = "backend-maintenance"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::222233334444:root" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "backend_maintenance" {
  role       = aws_iam_role.backend_maintenance.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonRDSFullAccess"
}
