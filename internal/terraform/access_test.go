package terraform

import "testing"

func TestAccessPolicies(t *testing.T) {
	runCases(t, []readCase{
		{
			name:   "trust policy heredoc, bucket policy jsonencode, key policy with a bare account",
			places: places{},
			files: map[string]string{"main.tf": `
resource "aws_iam_role" "ops" {
  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::222233334444:root"},
    "Action": "sts:AssumeRole"
  }]
}
EOF
}
resource "aws_s3_bucket_policy" "media" {
  bucket = "media"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["arn:aws:iam::555566667777:role/reader", "arn:aws:iam::999988887777:role/x"] }
      Action    = "s3:GetObject"
    }, {
      Effect    = "Deny"
      Principal = { AWS = "arn:aws:iam::111111111111:root" }
      Action    = "s3:*"
    }]
  })
}
resource "aws_kms_key" "k" {
  policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"222233334444\"}}}"
}
resource "aws_sqs_queue_policy" "q" {
  queue_url = "q"
  policy    = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*" }] })
}
`},
			want: []string{
				"main.tf:7:40 access aws_iam_role.ops trust policy -> CN  via entity shanghai-contractor, AWS account 222233334444",
				"main.tf:19:42 access aws_s3_bucket_policy.media policy -> JP  via entity tokyo-ops, AWS account 555566667777",
				"main.tf:19:83 access aws_s3_bucket_policy.media policy ?? AWS account 999988887777 is not placed by any entity",
				"main.tf:29:75 access aws_kms_key.k policy -> CN  via entity shanghai-contractor, AWS account 222233334444",
			},
		},
		{
			name: "aws_iam_policy_document, followed through .json and source_policy_documents",
			files: map[string]string{"main.tf": `
data "aws_caller_identity" "me" {}
data "aws_iam_policy_document" "base" {
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::222233334444:role/partner"]
    }
  }
}
data "aws_iam_policy_document" "trust" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.me.account_id}:root", var.partner]
    }
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
  statement {
    effect = "Deny"
    principals {
      type        = "AWS"
      identifiers = ["333333333333"]
    }
  }
}
variable "partner" {}
resource "aws_iam_role" "ops" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`},
			want: []string{
				"main.tf:6:36 access aws_iam_role.ops trust policy ?? AWS account 222233334444 is not placed by any entity",
				"main.tf:15:7 access aws_iam_role.ops trust policy ?? the principal comes from var.partner, which has no value",
			},
		},
		{
			name:   "policy documents passed into a module, and policies that cannot be read",
			places: places{},
			files: map[string]string{
				"main.tf": `
data "aws_iam_policy_document" "p" {
  statement {
    principals {
      type        = "AWS"
      identifiers = ["222233334444"]
    }
  }
}
module "role" {
  source = "./role"
  policy = data.aws_iam_policy_document.p.json
}
variable "policy" {}
resource "aws_sqs_queue" "q" {
  region = "ap-northeast-1"
  policy = var.policy
}
resource "aws_iam_role" "tmpl" {
  assume_role_policy = <<EOF
{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${var.policy}:root"}}]}
EOF
}
`,
				"role/main.tf": `
variable "policy" {}
resource "aws_iam_role" "r" {
  assume_role_policy = var.policy
}
`,
			},
			want: []string{
				"main.tf:15:3 store aws_sqs_queue.q -> JP ap-northeast-1  via resource region",
				"main.tf:16:3 access aws_sqs_queue.q policy ?? policy comes from var.policy, which has no value",
				"main.tf:19:3 access aws_iam_role.tmpl trust policy ?? the principal comes from var.policy, which has no value",
				"role/main.tf:3:3 access aws_iam_role.r trust policy -> CN  via entity shanghai-contractor, AWS account 222233334444  in module.role",
			},
		},
	})
}

func TestAccessOtherForms(t *testing.T) {
	runCases(t, []readCase{
		{
			name:   "principal arguments, identity policies and the repository's own account",
			places: places{},
			files: map[string]string{"main.tf": `
data "aws_caller_identity" "current" {}
variable "doc" {}
resource "aws_lambda_permission" "cross" {
  principal = "222233334444"
}
resource "aws_lambda_permission" "service" {
  principal = "s3.amazonaws.com"
}
resource "aws_iam_role_policy" "p" {
  policy = var.doc
}
resource "aws_iam_policy" "q" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::222233334444:role/x" }] })
}
resource "aws_iam_role" "self" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
    }]
  })
}
resource "aws_iam_role" "self_heredoc" {
  assume_role_policy = <<-JSON
    {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"}},
                   {"Effect": "Allow", "Principal": {"AWS": ["555566667777"]}}]}
  JSON
}
`},
			want: []string{
				"main.tf:4:16 access aws_lambda_permission.cross principal -> CN  via entity shanghai-contractor, AWS account 222233334444",
				"main.tf:26:63 access aws_iam_role.self_heredoc trust policy -> JP  via entity tokyo-ops, AWS account 555566667777",
			},
		},
	})
}

func TestAccessIngress(t *testing.T) {
	runCases(t, []readCase{
		{
			name:   "security groups and firewalls of every cloud",
			places: places{},
			files: map[string]string{"main.tf": `
resource "aws_security_group" "web" {
  ingress {
    cidr_blocks = ["0.0.0.0/0", "198.51.100.0/24", "203.0.113.0/24"]
  }
  egress {
    cidr_blocks = ["192.0.2.0/24"]
  }
}
resource "aws_security_group_rule" "in" {
  type        = "ingress"
  cidr_blocks = ["198.51.100.7/32"]
}
resource "aws_security_group_rule" "out" {
  type        = "egress"
  cidr_blocks = ["198.51.100.7/32"]
}
resource "aws_vpc_security_group_ingress_rule" "v" {
  cidr_ipv4 = "198.51.100.0/25"
}
resource "azurerm_network_security_group" "nsg" {
  security_rule {
    direction             = "Inbound"
    access                = "Allow"
    source_address_prefix = "198.51.100.10"
  }
  security_rule {
    direction             = "Inbound"
    access                = "Deny"
    source_address_prefix = "198.51.100.11"
  }
}
resource "azurerm_network_security_rule" "r" {
  direction               = "Inbound"
  access                  = "Allow"
  source_address_prefixes = ["Internet", "VirtualNetwork", "198.51.100.12"]
}
resource "google_compute_firewall" "fw" {
  allow {
    protocol = "tcp"
  }
  source_ranges = ["198.51.100.0/28"]
}
resource "google_compute_firewall" "deny" {
  deny {
    protocol = "tcp"
  }
  source_ranges = ["198.51.100.0/28"]
}
resource "alicloud_security_group_rule" "a" {
  type    = "ingress"
  cidr_ip = "198.51.100.20/32"
}
resource "tencentcloud_security_group_rule" "t" {
  type    = "ingress"
  policy  = "ACCEPT"
  cidr_ip = "198.51.100.21"
}
resource "huaweicloud_networking_secgroup_rule" "h" {
  direction        = "ingress"
  remote_ip_prefix = "198.51.100.22/32"
}
resource "oci_core_security_list" "o" {
  ingress_security_rules {
    protocol = "6"
    source   = "198.51.100.23/32"
  }
}
resource "oci_core_network_security_group_security_rule" "n" {
  direction = "INGRESS"
  source    = "198.51.100.24/32"
}
`},
			want: []string{
				"main.tf:3:34 access aws_security_group.web ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.0/24",
				"main.tf:3:53 access aws_security_group.web ingress ?? CIDR 203.0.113.0/24 is not placed by any entity",
				"main.tf:11:19 access aws_security_group_rule.in ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.7/32",
				"main.tf:18:16 access aws_vpc_security_group_ingress_rule.v ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.0/25",
				"main.tf:24:30 access azurerm_network_security_group.nsg ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.10",
				"main.tf:35:61 access azurerm_network_security_rule.r ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.12",
				"main.tf:41:21 access google_compute_firewall.fw ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.0/28",
				"main.tf:51:14 access alicloud_security_group_rule.a ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.20/32",
				"main.tf:56:14 access tencentcloud_security_group_rule.t ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.21",
				"main.tf:60:23 access huaweicloud_networking_secgroup_rule.h ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.22/32",
				"main.tf:65:17 access oci_core_security_list.o ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.23/32",
				"main.tf:70:16 access oci_core_network_security_group_security_rule.n ingress -> CN  via entity shanghai-contractor, CIDR 198.51.100.24/32",
			},
		},
		{
			name: "without entities every public range is unresolved",
			files: map[string]string{"main.tf": `
variable "allowed" {}
resource "aws_security_group" "web" {
  ingress {
    cidr_blocks = ["198.51.100.0/24"]
  }
  ingress {
    cidr_blocks = var.allowed
  }
}
`},
			want: []string{
				"main.tf:4:21 access aws_security_group.web ingress ?? CIDR 198.51.100.0/24 is not placed by any entity",
				"main.tf:7:5 access aws_security_group.web ingress ?? the ingress source comes from var.allowed, which has no value",
			},
		},
	})
}
