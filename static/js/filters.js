// Progressive enhancement: a filter form marked data-autosubmit updates the list as soon as
// a checkbox or the sort order changes. Without JavaScript the "Apply filters" button does it.
document.addEventListener("change", function (event) {
  var form = event.target.form;
  if (!form || !form.hasAttribute("data-autosubmit")) return;
  if (event.target.type === "checkbox" || event.target.tagName === "SELECT") {
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }
});
