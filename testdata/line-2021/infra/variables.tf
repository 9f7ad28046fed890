variable "primary_region" {
  type        = string
  description = "Region of the main messaging backend."
}

variable "env" {
  type    = string
  default = "prod"
}
