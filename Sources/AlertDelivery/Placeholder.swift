// AlertDelivery: placeholder until its work lands.
